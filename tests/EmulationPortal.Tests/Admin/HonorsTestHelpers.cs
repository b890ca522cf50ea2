using System.Net;
using EmulationPortal.Data;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace EmulationPortal.Tests.Admin;

/// <summary>Form posts with files, workbooks built in memory, and look-ups the honors admin tests share.</summary>
internal static class HonorsTestHelpers
{
    public static async Task<HttpResponseMessage> PostMultipartAsync(
        HttpClient client, string formPage, string action, IDictionary<string, string> fields, params (string Name, string FileName, byte[] Content)[] files)
    {
        var page = await client.GetStringAsync(new Uri(formPage, UriKind.Relative));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, name, fileName);
        }

        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>A workbook with a header row and the given rows (first sheet).</summary>
    public static byte[] Workbook(string[] header, IEnumerable<string[]> rows)
    {
        IEnumerable<Dictionary<string, object>> Records()
        {
            foreach (var row in rows)
            {
                var record = new Dictionary<string, object>();
                for (var i = 0; i < header.Length; i++)
                {
                    record[header[i]] = i < row.Length ? row[i] : string.Empty;
                }

                yield return record;
            }
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, Records());
        return stream.ToArray();
    }

    public static Task<int> StaffIdAsync(PortalAppFactory factory, string fullName) =>
        factory.WithDbAsync(db => db.StaffMembers.Where(s => s.FullName == fullName).Select(s => s.Id).SingleAsync());

    public static Task<int> UnitIdAsync(PortalAppFactory factory, string name) =>
        factory.WithDbAsync(db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    public static Task<int> AwardIdAsync(PortalAppFactory factory, string name) =>
        factory.WithDbAsync(db => db.AwardTypes.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    public static Task<int> CountAsync(PortalAppFactory factory, Func<PortalDbContext, Task<int>> count) => factory.WithDbAsync(count);

    public static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Html.AssertNoStackTrace(body);
        return Html.Text(body);
    }

    public static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return Html.Text(await client.GetStringAsync(redirect.Headers.Location));
    }

    /// <summary>Asserts the user was refused: cookie authentication sends them to the access-denied page, which answers 403.</summary>
    public static async Task AssertForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        var final = response;
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!;
            Assert.Equal("/khong-co-quyen", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
            final = await client.GetAsync(location);
        }

        Assert.Equal(HttpStatusCode.Forbidden, final.StatusCode);
    }
}
