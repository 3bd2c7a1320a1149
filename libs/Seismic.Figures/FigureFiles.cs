using ScottPlot;
using SkiaSharp;

namespace Seismic.Figures;

/// <summary>How every figure reaches the disk: whole or not at all, so a reader (or a web page refreshing it) never sees half a file.</summary>
public static class FigureFiles
{
    /// <summary>Lets <paramref name="write"/> write a temporary file beside <paramref name="path"/>, then moves it into place.</summary>
    public static void WriteWhole(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Writes plots stacked top to bottom, each at its own height, as one PNG. ScottPlot clears the whole canvas
    /// it renders on, so each plot is rendered on its own surface and the picture is put together after.
    /// </summary>
    public static void WritePng(string path, int widthPx, params (Plot Plot, int HeightPx)[] panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var info = new SKImageInfo(widthPx, panels.Sum(p => p.HeightPx), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        var top = 0;
        foreach (var (plot, heightPx) in panels)
        {
            using var panel = SKSurface.Create(info.WithSize(widthPx, heightPx));
            plot.Render(panel);
            surface.Canvas.DrawSurface(panel, 0, top);
            top += heightPx;
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        WriteWhole(path, temporary =>
        {
            using var file = File.Create(temporary);
            png.SaveTo(file);
        });
    }
}
