using System.Globalization;
using Seismic.Beams;
using Seismic.Metadata.QuakeMl;
using Seismic.Simulation.Scenario;
using Seismic.Simulation.Tests.Support;
using Xunit.Abstractions;

namespace Seismic.Simulation.Tests;

/// <summary>
/// Reads the simulated archive back through the SDS reader and the beamformer's own code, and finds each catalogued
/// P where the truth says, from the direction the truth says.
/// </summary>
[Collection(SimulatedArchiveCollection.Name)]
public class ArrivalTests(SimulatedArchive simulated, ITestOutputHelper log)
{
    /// <summary>Beam SNR (RMS of the first 2 s of P over RMS of the 25 s before it) from which the onset must be found.</summary>
    private const double PickSnr = 5.0;

    /// <summary>f-k on a 6.4 s window needs a clearer P than an onset pick: a grid step of 0.01 s/km alone is 4 degrees at Pn slowness.</summary>
    private const double FkSnr = 8.0;

    private const double PickToleranceS = 0.5;

    private const double BackAzimuthToleranceDeg = 5.0;

    private const double RateHz = 40.0;

    [Fact]
    public void Should_find_every_clear_P_arrival_on_the_P_beam_within_half_a_second_of_the_truth()
    {
        var beams = new ArchiveBeams(simulated.Output);
        var failures = new List<string>();
        var tested = 0;
        foreach (var (e, pTimeUtc, reasonNotTested) in Candidates())
        {
            if (reasonNotTested is not null)
            {
                log.WriteLine($"{e.PublicId}: not tested, {reasonNotTested}.");
                continue;
            }

            var startUtc = pTimeUtc.AddSeconds(-60);
            var set = beams.Form(startUtc, pTimeUtc.AddSeconds(30), new BackAzimuthHint([e.Picks[0].BackazimuthDeg], null, null));
            var p = (int)Math.Round((pTimeUtc - startUtc).TotalSeconds * RateHz);
            var snr = Onset.Rms(set.PVertical, p, p + (int)(2 * RateHz)) / Onset.Rms(set.PVertical, p - (int)(28 * RateHz), p - (int)(3 * RateHz));
            if (snr < PickSnr)
            {
                log.WriteLine(Describe(e, snr, "not tested, P too weak on the beam"));
                continue;
            }

            tested++;
            var pick = Onset.AicPick(set.PVertical, p - (int)(15 * RateHz), p + (int)(1.5 * RateHz));
            var errorS = (pick - p) / RateHz;
            log.WriteLine(Describe(e, snr, $"P picked {errorS:+0.00;-0.00} s from the truth"));
            if (Math.Abs(errorS) > PickToleranceS)
            {
                failures.Add(Describe(e, snr, $"P picked {errorS:+0.00;-0.00} s from the truth"));
            }
        }

        Assert.True(tested >= 4, $"only {tested} events had a P beam SNR of {PickSnr} or more; the scenario should give more");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Should_estimate_the_back_azimuth_of_every_clear_P_by_f_k_within_5_degrees()
    {
        var beams = new ArchiveBeams(simulated.Output);
        var failures = new List<string>();
        var tested = 0;
        foreach (var (e, pTimeUtc, reasonNotTested) in Candidates())
        {
            if (reasonNotTested is not null)
            {
                continue;
            }

            var steered = beams.Form(pTimeUtc.AddSeconds(-30), pTimeUtc.AddSeconds(5), new BackAzimuthHint([e.Picks[0].BackazimuthDeg], null, null));
            var p = (int)Math.Round(30 * RateHz);
            var snr = Onset.Rms(steered.PVertical, p, p + (int)(2 * RateHz)) / Onset.Rms(steered.PVertical, p - (int)(28 * RateHz), p - (int)(3 * RateHz));
            if (snr < FkSnr)
            {
                log.WriteLine(Describe(e, snr, "not tested, P too weak for f-k"));
                continue;
            }

            tested++;

            // No hint: the pipeline estimates the direction by f-k over the most energetic 6.4 s, here the P.
            var fk = beams.Form(pTimeUtc.AddSeconds(-1), pTimeUtc.AddSeconds(7), hint: null).BackAzimuth;
            Assert.Equal(SteeringSource.FrequencyWavenumber, fk.Source);
            var truth = e.Picks[0].BackazimuthDeg!.Value;
            var error = Math.Abs(((fk.BackAzimuthDeg - truth + 540.0) % 360.0) - 180.0);
            log.WriteLine(Describe(e, snr, string.Create(CultureInfo.InvariantCulture,
                $"f-k {fk.BackAzimuthDeg:F1} deg at {fk.FkApparentVelocityKmPerS:F1} km/s against {truth:F1} deg")));
            if (error > BackAzimuthToleranceDeg)
            {
                failures.Add(Describe(e, snr, string.Create(CultureInfo.InvariantCulture,
                    $"f-k back-azimuth {fk.BackAzimuthDeg:F1} deg ({fk.FkApparentVelocityKmPerS:F1} km/s, power {fk.FkRelativePower:F2}) against {truth:F1}")));
            }
        }

        Assert.True(tested >= 3, $"only {tested} events had a P beam SNR of {FkSnr} or more; the scenario should give more");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Should_give_each_catalogued_event_a_P_pick_before_its_S_pick_with_the_phase_velocity_as_slowness()
    {
        var catalog = QuakeMlReader.ReadFile(simulated.Output.CatalogPath);

        Assert.NotEmpty(catalog.Events);
        Assert.All(catalog.Events, e =>
        {
            Assert.Equal(2, e.Picks.Count);
            var (p, s) = (e.Picks[0], e.Picks[1]);
            Assert.Contains(p.PhaseHint, new[] { "Pn", "Pg" });
            Assert.Contains(s.PhaseHint, new[] { "Sn", "Lg" });
            Assert.True(p.TimeUtc > e.PreferredOrigin!.TimeUtc && s.TimeUtc > p.TimeUtc);
            Assert.Equal("ARCES", p.WaveformId.StationCode);
            Assert.InRange(111.19 / p.HorizontalSlownessSPerDeg!.Value, 6.0, 8.1);
            Assert.InRange(111.19 / s.HorizontalSlownessSPerDeg!.Value, 3.4, 4.6);
        });
    }

    /// <summary>
    /// Every catalogued event with the reason it cannot be tested, if any: its P too close to the ends of the
    /// archive for a beam with edges, another event arriving just before it (its coda would be taken for noise),
    /// or a recorded spike or gap in its window (a glitch can outshine a small P).
    /// </summary>
    private IEnumerable<(SeismicEvent Event, DateTime PUtc, string? ReasonNotTested)> Candidates()
    {
        var catalog = QuakeMlReader.ReadFile(simulated.Output.CatalogPath);
        var options = simulated.Summary.Scenario.Options;
        var arrivals = simulated.Summary.Scenario.Events.SelectMany(e => e.Arrivals.Select(a => (e.PublicId, Utc: e.ArrivalUtc(a)))).ToList();
        foreach (var e in catalog.Events)
        {
            var p = e.Picks.Single(x => x.PhaseHint is "Pn" or "Pg").TimeUtc;
            string? reason = null;
            if (p < options.StartUtc.AddSeconds(75) || p > options.EndUtc.AddSeconds(-45))
            {
                reason = "P too close to the end of the archive";
            }
            else if (arrivals.Any(a => a.PublicId != e.PublicId && a.Utc > p.AddSeconds(-90) && a.Utc < p.AddSeconds(5)))
            {
                reason = "another event arrives within 90 s before its P";
            }
            else if (simulated.Summary.Scenario.Defects.Any(d => d.Kind != DefectKind.DeadSite && d.Overlaps(p.AddSeconds(-75), p.AddSeconds(45))))
            {
                reason = "a spike or gap lies in its window";
            }

            yield return (e, p, reason);
        }
    }

    private static string Describe(SeismicEvent e, double snr, string problem) => string.Create(CultureInfo.InvariantCulture,
        $"{e.PublicId} ({e.Type}, {e.Descriptions[0].Text}, ML {e.PreferredMagnitude!.Value:F1}, {e.PreferredOrigin!.Arrivals[0].DistanceDeg * 111.19:F0} km, beam SNR {snr:F1}): {problem}");
}
