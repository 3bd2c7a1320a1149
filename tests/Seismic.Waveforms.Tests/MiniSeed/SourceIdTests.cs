using Seismic.Waveforms.MiniSeed;

namespace Seismic.Waveforms.Tests.MiniSeed;

public class SourceIdTests
{
    [Theory]
    [InlineData("IU", "COLA", "00", "LHZ", "FDSN:IU_COLA_00_L_H_Z")]
    [InlineData("XX", "TEST", "", "BHZ", "FDSN:XX_TEST__B_H_Z")]
    [InlineData("BW", "BW01", "", "ZH", "FDSN:BW_BW01__Z_H_")]
    [InlineData("", "", "", "", "FDSN:_____")]
    public void Should_map_seed_codes_to_fdsn_identifiers_like_libmseed(string net, string sta, string loc, string cha, string fdsn)
    {
        Assert.Equal(fdsn, SourceId.FromSeed(net, sta, loc, cha).Fdsn);
    }

    [Fact]
    public void Should_map_fdsn_identifiers_back_to_seed_codes()
    {
        var id = SourceId.Parse("FDSN:NO_ARCES_00_B_H_Z");
        Assert.Equal("NO.ARCES.00.BHZ", id.SeedCode);
        Assert.Equal(id, SourceId.Parse("NO.ARCES.00.BHZ"));
        Assert.Equal("XX.ABC..VM_1_X", SourceId.Parse("FDSN:XX_ABC__VM_1_X").SeedCode);
    }
}
