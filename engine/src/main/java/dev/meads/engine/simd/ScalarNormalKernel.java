package dev.meads.engine.simd;

/** Plain loops: the reference twin of {@link PanamaNormalKernel}, and the fallback without the Vector API. */
public final class ScalarNormalKernel implements NormalKernel {
    private static final int PAIRS = BLOCK / 2;

    @Override
    public void fill(long key, long firstBlock, int blocks, double[] out, int off) {
        for (int b = 0; b < blocks; b++) {
            long w0 = (firstBlock + b) * BLOCK;
            int o = off + b * BLOCK;
            for (int l = 0; l < PAIRS; l++) {
                double r = BoxMuller.radius(BoxMuller.word(key, w0 + l));
                long angle = BoxMuller.word(key, w0 + PAIRS + l);
                double phi = BoxMuller.phi(angle);
                double c = BoxMuller.cos(phi);
                double s = BoxMuller.sin(phi);
                boolean swap = (angle & BoxMuller.SWAP) != 0;
                out[o + l] = BoxMuller.flip(r, angle & BoxMuller.SIGN) * (swap ? s : c);
                out[o + PAIRS + l] = BoxMuller.flip(r, (angle << 1) & BoxMuller.SIGN) * (swap ? c : s);
            }
        }
    }
}
