using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace EmulationPortal.Files;

/// <summary>What a virus scan said about a file.</summary>
public enum ScanOutcome
{
    Clean,
    Infected,

    /// <summary>The scanner is configured but could not give an answer (down, timed out, an error reply).</summary>
    Unavailable,
}

/// <summary>The answer of a scan; <see cref="Signature"/> names what was found in an infected file.</summary>
public sealed record ScanResult(ScanOutcome Outcome, string? Signature = null)
{
    public static readonly ScanResult Clean = new(ScanOutcome.Clean);
}

/// <summary>Scans an uploaded file before it is stored. The seam a test replaces with a fake clamd, not a mock.</summary>
public interface IVirusScanner
{
    /// <summary>False for the no-op scanner used when no scanner is configured.</summary>
    bool Enabled { get; }

    /// <summary>Scans the content from its current position to its end.</summary>
    Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default);
}

/// <summary>Used when "Uploads:ClamAV" is not configured: every file is clean (the start-up log says scanning is off).</summary>
public sealed class NoVirusScanner : IVirusScanner
{
    public bool Enabled => false;

    public Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default) => Task.FromResult(ScanResult.Clean);
}

/// <summary>"Uploads:ClamAV": where clamd listens, by TCP (Host, Port) or by a unix socket (SocketPath).</summary>
public sealed class ClamAvOptions
{
    public const string SectionName = "Uploads:ClamAV";

    public string? Host { get; set; }

    public int Port { get; set; } = 3310;

    /// <summary>A unix socket path ("/run/clamav/clamd.ctl" on Debian); used instead of Host when set.</summary>
    public string? SocketPath { get; set; }

    /// <summary>Connecting, sending and waiting for the verdict together, at most.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(SocketPath);
}

/// <summary>
/// Asks clamd with its INSTREAM command ("zINSTREAM\0", then chunks each prefixed by their length as a 4-byte
/// big-endian integer, ended by a zero-length chunk); clamd answers "stream: OK", "stream: &lt;name&gt; FOUND" or
/// "&lt;message&gt; ERROR" (for example when the file is over its StreamMaxLength), ended by NUL. Anything but OK or
/// FOUND, and any failure to connect or to hear back in time, is <see cref="ScanOutcome.Unavailable"/>.
/// </summary>
public sealed class ClamAvScanner(ClamAvOptions options, ILogger<ClamAvScanner> logger) : IVirusScanner
{
    private const int ChunkSize = 64 * 1024;
    private const int MaxReplyLength = 4096;

    public bool Enabled => true;

    public async Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        try
        {
            using var socket = await ConnectAsync(timeout.Token);
            await using var network = new NetworkStream(socket, ownsSocket: false);
            await network.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);

            try
            {
                var buffer = new byte[4 + ChunkSize];
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(4, ChunkSize), timeout.Token)) > 0)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
                    await network.WriteAsync(buffer.AsMemory(0, 4 + read), timeout.Token);
                }

                await network.WriteAsync(new byte[4], timeout.Token);
            }
            catch (IOException)
            {
                // clamd may answer and close before the last chunk (a signature found early, its size limit reached):
                // its reply, if any, is still waiting to be read.
            }

            var reply = await ReadReplyAsync(network, timeout.Token);
            return Interpret(reply);
        }
        catch (Exception ex) when (ex is SocketException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogError("The virus scanner (clamd) did not answer: {Error}", ex.GetType().Name);
            return new ScanResult(ScanOutcome.Unavailable);
        }
    }

    private ScanResult Interpret(string reply)
    {
        // "stream: OK", "stream: Eicar-Signature FOUND", "INSTREAM size limit exceeded. ERROR".
        var verdict = reply.StartsWith("stream:", StringComparison.Ordinal) ? reply["stream:".Length..].Trim() : reply.Trim();
        if (verdict == "OK")
        {
            return ScanResult.Clean;
        }

        if (verdict.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            return new ScanResult(ScanOutcome.Infected, verdict[..^" FOUND".Length].Trim());
        }

        logger.LogError("The virus scanner (clamd) answered {Reply}", reply);
        return new ScanResult(ScanOutcome.Unavailable);
    }

    private async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        Socket socket;
        if (!string.IsNullOrWhiteSpace(options.SocketPath))
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(options.SocketPath), cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            return socket;
        }

        socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host!, options.Port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return socket;
    }

    private static async Task<string> ReadReplyAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        var reply = new List<byte>();
        var one = new byte[256];
        while (reply.Count < MaxReplyLength)
        {
            var read = await network.ReadAsync(one, cancellationToken);
            if (read == 0)
            {
                break;
            }

            var end = Array.IndexOf(one, (byte)0, 0, read);
            reply.AddRange(one.AsSpan(0, end < 0 ? read : end));
            if (end >= 0)
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(reply.ToArray());
    }
}
