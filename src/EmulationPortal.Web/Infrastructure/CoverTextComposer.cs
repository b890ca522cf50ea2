using System.Globalization;
using System.Text;
using EmulationPortal.Common;
using EmulationPortal.Proposals;
using EmulationPortal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>The tờ trình of a proposal, as plain text from the wording in ComposingResource.resx.</summary>
internal sealed class CoverTextComposer(IStringLocalizer<ComposingResource> T) : ICoverTextComposer
{
    public string Compose(CoverTextData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        var text = new StringBuilder();
        void Line(string value = "") => text.Append(value).Append('\n');

        if (data.OrganisationParent.Length > 0)
        {
            Line(data.OrganisationParent.ToUpper(culture));
        }

        if (data.Organisation.Length > 0)
        {
            Line(data.Organisation.ToUpper(culture));
        }

        Line(data.UnitName.ToUpper(culture));
        Line(T["Cover.Motto1"].Value);
        Line(T["Cover.Motto2"].Value);
        Line();
        var place = data.Place.Length > 0 ? data.Place : T["Cover.NoPlace"].Value;
        Line(place + ", " + VietnameseDate.Formal(data.Today));
        Line();
        Line(T["Cover.Heading"].Value);
        var kind = data.Kind switch
        {
            ProposalKind.Thematic => T["Cover.KindThematic", data.CampaignTitle ?? string.Empty].Value,
            ProposalKind.AdHoc => T["Cover.KindAdHoc"].Value,
            _ => T["Cover.KindYearEnd"].Value,
        };
        Line(T["Cover.Subject", kind, data.Year].Value);
        Line();
        Line(T["Cover.To", data.Organisation.Length > 0 ? data.Organisation : T["Cover.NoOrganisation"].Value].Value);
        Line();
        Line(T["Cover.BasisLaw"].Value);
        Line(T["Cover.BasisReview", data.UnitName, data.Year].Value);
        Line();
        Line(T["Cover.Request", data.UnitName, data.Collectives.Count, data.Individuals.Count].Value);
        if (data.Collectives.Count > 0)
        {
            Line(T["Cover.Collectives"].Value);
            var i = 0;
            foreach (var (name, award, achievement) in data.Collectives)
            {
                Line(Item(++i, name, award, achievement));
            }
        }

        if (data.Individuals.Count > 0)
        {
            Line(T[data.Collectives.Count > 0 ? "Cover.IndividualsSecond" : "Cover.IndividualsFirst"].Value);
            var i = 0;
            foreach (var (name, position, award, achievement) in data.Individuals)
            {
                Line(Item(++i, position.Length > 0 ? $"{name}, {position}" : name, award, achievement));
            }
        }

        Line();
        Line(T["Cover.Attached"].Value);
        Line(T["Cover.Closing", data.UnitName].Value);
        Line();
        Line(T["Cover.Signer"].Value);
        return text.ToString().TrimEnd();
    }

    private string Item(int number, string name, string award, string achievement) =>
        achievement.Length > 0 ? T["Cover.ItemWithAchievement", number, name, award, achievement].Value : T["Cover.Item", number, name, award].Value;
}
