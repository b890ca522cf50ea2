using SkiaSharp;

namespace EmulationPortal.Files;

/// <summary>
/// Re-encodes an uploaded photo or logo on the server: decoded, turned upright, shrunk to fit a square box and written
/// anew as JPEG (or PNG for a logo, to keep transparency). Nothing of the original file survives: no metadata (EXIF,
/// GPS), no trailing bytes, no hidden payload.
/// </summary>
public static class ImageProcessor
{
    public const int PhotoMaxSize = 600;
    public const int PhotoQuality = 85;

    /// <summary>The re-encoded image, or null when the bytes are not a decodable image.</summary>
    public static byte[]? Reencode(Stream input, int maxSize = PhotoMaxSize, bool keepTransparency = false, int quality = PhotoQuality)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var data = SKData.Create(input);
        if (data is null)
        {
            return null;
        }

        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0 || (long)codec.Info.Width * codec.Info.Height > 60_000_000)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1d, maxSize / (double)Math.Max(upright.Width, upright.Height));
        var width = Math.Max(1, (int)Math.Round(upright.Width * scale));
        var height = Math.Max(1, (int)Math.Round(upright.Height * scale));

        var png = keepTransparency && decoded.AlphaType != SKAlphaType.Opaque;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, png ? SKAlphaType.Premul : SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        if (surface is null)
        {
            return null;
        }

        var canvas = surface.Canvas;
        canvas.Clear(png ? SKColors.Transparent : SKColors.White);
        using var source = SKImage.FromBitmap(upright);
        canvas.DrawImage(source, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();
        using var image = surface.Snapshot();
        using var encoded = image.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, quality);
        return encoded?.ToArray();
    }

    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return bitmap.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Scale(-1, 1, bitmap.Width / 2f, 0);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.RotateDegrees(180, bitmap.Width / 2f, bitmap.Height / 2f);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Scale(1, -1, 0, bitmap.Height / 2f);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(result.Width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, result.Height);
                canvas.RotateDegrees(270);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.Scale(-1, 1, result.Width / 2f, 0);
                canvas.Translate(result.Width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Scale(-1, 1, result.Width / 2f, 0);
                canvas.Translate(0, result.Height);
                canvas.RotateDegrees(270);
                break;
        }

        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return result;
    }
}
