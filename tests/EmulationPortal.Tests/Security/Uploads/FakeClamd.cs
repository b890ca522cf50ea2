using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EmulationPortal.Tests.Security.Uploads;

/// <summary>
/// A tiny clamd on a loopback port that speaks the INSTREAM protocol for real: it reads "zINSTREAM\0", then chunks
/// each prefixed by a 4-byte big-endian length until a zero-length one, and answers "stream: OK\0" or, when the data
/// holds the EICAR test string, "stream: Eicar-Signature FOUND\0". It keeps what it was sent.
/// </summary>
public sealed class FakeClamd : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly string? fixedReply;

    /// <param name="fixedReply">When set, the answer to every scan (for example clamd's "INSTREAM size limit exceeded. ERROR").</param>
    public FakeClamd(string? fixedReply = null)
    {
        this.fixedReply = fixedReply;
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Every stream scanned, in order.</summary>
    public ConcurrentQueue<byte[]> Scanned { get; } = new();

    /// <summary>A port on which nothing listens (bound, then released).</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var command = new byte["zINSTREAM\0".Length];
            await stream.ReadExactlyAsync(command, stop.Token);
            if (Encoding.ASCII.GetString(command) != "zINSTREAM\0")
            {
                await stream.WriteAsync("UNKNOWN COMMAND\0"u8.ToArray(), stop.Token);
                return;
            }

            using var data = new MemoryStream();
            var length = new byte[4];
            while (true)
            {
                await stream.ReadExactlyAsync(length, stop.Token);
                var size = BinaryPrimitives.ReadUInt32BigEndian(length);
                if (size == 0)
                {
                    break;
                }

                var chunk = new byte[size];
                await stream.ReadExactlyAsync(chunk, stop.Token);
                data.Write(chunk);
            }

            var bytes = data.ToArray();
            Scanned.Enqueue(bytes);
            var infected = UploadSamples.Contains(bytes, UploadSamples.Eicar);
            var reply = fixedReply ?? (infected ? "stream: Eicar-Signature FOUND" : "stream: OK");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\0"), stop.Token);
        }
    }
}
