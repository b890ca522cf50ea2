using System.Net.Http.Headers;
using System.Text;
using EmulationPortal.Tests.Integration;

namespace EmulationPortal.Tests.Admin;

/// <summary>Helpers for the content tests: forms with files, the way a browser posts them.</summary>
internal static class ContentTestSupport
{
    /// <summary>A small valid-looking PDF whose content is unique unless <paramref name="marker"/> is repeated.</summary>
    public static byte[] Pdf(string? marker = null, int padding = 0) =>
        Encoding.ASCII.GetBytes("%PDF-1.4\n% " + (marker ?? Guid.NewGuid().ToString("N")) + "\n" + new string('x', padding) + "\n%%EOF\n");

    /// <summary>
    /// A real, decodable 4×4 PNG with random (partly transparent) pixels, so its content is unique: image-only uploads
    /// (covers, images in an article) are decoded and re-encoded, and a bare signature would be refused.
    /// </summary>
    public static byte[] Png()
    {
        using var bitmap = new SkiaSharp.SKBitmap(4, 4);
        var random = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16 * 3);
        for (var i = 0; i < 16; i++)
        {
            bitmap.SetPixel(i % 4, i / 4, new SkiaSharp.SKColor(random[i * 3], random[(i * 3) + 1], random[(i * 3) + 2], i == 0 ? (byte)128 : (byte)255));
        }

        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Gets the form page, then posts the fields and files as multipart/form-data with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(
        HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields,
        params (string Field, string FileName, byte[] Content)[] files)
    {
        var page = await client.GetStringAsync(new Uri(formPage, UriKind.Relative));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken");
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // Set the header by hand so that names such as "../x.pdf" or "a%00.pdf" reach the server unchanged.
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{field}\"", FileName = $"\"{fileName}\"" };
            content.Add(part);
        }

        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static Dictionary<string, string> Form(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    public static string LocationOf(HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? string.Empty;

    /// <summary>The id at the end of a redirect to /Admin/X/Edit/{id}.</summary>
    public static int IdFromLocation(HttpResponseMessage response)
    {
        var location = LocationOf(response);
        Assert.Contains("/edit/", location, StringComparison.OrdinalIgnoreCase);
        return int.Parse(location[(location.LastIndexOf('/') + 1)..].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Refused for lack of a role: the cookie handler sends the browser to /khong-co-quyen, which answers 403 in Vietnamese.
    /// </summary>
    public static async Task AssertForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            return;
        }

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/khong-co-quyen", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString, StringComparison.Ordinal);
        using var final = await client.GetAsync(location);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, final.StatusCode);
    }

    public static string[] StoredFileNames(PortalAppFactory factory) =>
        Directory.Exists(factory.FilesFolder)
            ? Directory.GetFiles(factory.FilesFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>().ToArray()
            : [];
}
