package dev.meads.models.irt;

import dev.meads.engine.model.LogDensity;

import java.util.Objects;

/**
 * The two-parameter logistic item response model, vectorised with the Vector API.
 *
 * <p>Model: student {@code i} answers item {@code j} correctly ({@code y_ij = 1}) with
 * probability {@code logistic(a_j (theta_i - b_j))}; priors {@code theta_i ~ N(0, 1)},
 * {@code b_j ~ N(0, 1)}, {@code a_j ~ HalfNormal(1)}. Sampling space: {@code theta}, {@code b}
 * and {@code log_a = log(a)}, in that order (see {@link Irt2plLayout}). The log density
 * returned is
 * <pre>
 *   sum_i -theta_i^2/2 + sum_j ( -b_j^2/2 - a_j^2/2 + log_a_j )
 *     + sum_ij ( y_ij eta_ij - log(1 + exp(eta_ij)) ),   eta_ij = a_j (theta_i - b_j),
 * </pre>
 * where {@code + log_a_j} is the log-Jacobian of {@code a = exp(log_a)}. Dropped constants,
 * the same in every implementation: {@code -log(2 pi)/2} per normal prior and
 * {@code log(2/sqrt(2 pi))} per half-normal prior, that is
 * {@code -(S + I) log(2 pi)/2 + I log(2/sqrt(2 pi))} in total for {@code S} students and
 * {@code I} items.
 *
 * <p>Implementations: the single-chain form is vectorised over students
 * ({@link Irt2plChainKernel}; the form NUTS uses), the block form puts one chain in each vector
 * lane ({@link Irt2plBlockKernel}; the ensemble's form unless
 * {@link EnsembleKernel#CHAIN} is chosen). Both use the
 * polynomial {@code exp} and {@code log1p} of {@code dev.meads.models.vecmath} and agree with
 * the scalar reference {@link Irt2plScalarModel} to 1e-12 of each quantity's scale (the sum of
 * the absolute values of its terms); measured at typical and extreme points: 4e-14 for the log
 * density, where the order of 3000 additions differs, and 6e-15 for the gradient. One exception,
 * at difficulties no IRT posterior reaches: the block form computes a logit as
 * {@code a·θ − a·b} (one fused multiply-add per response) rather than {@code a·(θ − b)}, so for
 * |b| beyond about 3e5 with θ near b it loses up to an ulp of {@code a·b} to cancellation, and the
 * gradient in {@code log a} errs by up to 8e-12 of its scale at |b| = 1e6 (4e-10 at 1e8). Results for
 * the same input are bit-identical across calls and copies, and the same whether the code runs
 * compiled or interpreted (only IEEE operations, no {@code lanewise(EXP)}, no
 * {@code reduceLanes}); they depend on the machine's preferred vector width only through the
 * order of floating-point sums in the single-chain form.
 *
 * <p>Each instance owns scratch arrays: use {@link #copy()} to get one per thread.
 */
public final class Irt2plModel implements LogDensity {
    /** How the ensemble's gradients (the block form) are computed. */
    public enum EnsembleKernel {
        /**
         * {@link Irt2plBlockKernel}: one chain per vector lane. The fastest once compiled (about
         * 3.4 µs per chain against 5), and the default.
         */
        BLOCK,
        /**
         * {@link Irt2plChainKernel} once per chain, the form NUTS uses. A fresh JVM has it compiled
         * by the end of the NUTS start, so MEADS runs at full speed from its first iterations
         * instead of waiting for the block kernel's compilation: the choice for one-shot runs.
         */
        CHAIN
    }

    private final IrtData data;
    private final Irt2plLayout layout;
    private final double[] paddedSigns;
    private final StudentsByResponse byResponse;
    private final Irt2plChainKernel chainKernel;
    private final Irt2plBlockKernel blockKernel;
    private final EnsembleKernel ensembleKernel;

    /** A model of the given responses, with the block kernel for ensembles. */
    public Irt2plModel(IrtData data) {
        this(data, EnsembleKernel.BLOCK);
    }

    /** A model of the given responses whose ensemble gradients come from {@code ensembleKernel}. */
    public Irt2plModel(IrtData data, EnsembleKernel ensembleKernel) {
        this(Objects.requireNonNull(data, "data"),
                ResponseSigns.itemMajor(data, Irt2plChainKernel.paddedLength(data.students())),
                new StudentsByResponse(data), Objects.requireNonNull(ensembleKernel, "ensembleKernel"));
    }

    private Irt2plModel(IrtData data, double[] paddedSigns, StudentsByResponse byResponse,
                        EnsembleKernel ensembleKernel) {
        this.data = data;
        this.layout = new Irt2plLayout(data.students(), data.items());
        this.paddedSigns = paddedSigns;
        this.byResponse = byResponse;
        this.ensembleKernel = ensembleKernel;
        this.chainKernel = new Irt2plChainKernel(data.students(), data.items(), paddedSigns);
        this.blockKernel = ensembleKernel == EnsembleKernel.BLOCK
                ? new Irt2plBlockKernel(data.students(), data.items(), byResponse) : null;
    }

    /** The responses this model conditions on. */
    public IrtData data() {
        return data;
    }

    /** How this model computes the gradients of an ensemble. */
    public EnsembleKernel ensembleKernel() {
        return ensembleKernel;
    }

    /** Parameter positions and names. */
    public Irt2plLayout layout() {
        return layout;
    }

    /** Number of chains the block form evaluates per vector. */
    public static int chainsPerVector() {
        return Irt2plBlockKernel.lanes();
    }

    /** The block form groups chains by vector lanes; worker ranges align to it. */
    @Override
    public int blockGranularity() {
        return chainsPerVector();
    }

    @Override
    public int dimension() {
        return layout.dimension();
    }

    @Override
    public String[] parameterNames() {
        return layout.parameterNames();
    }

    @Override
    public String[] constrainedNames() {
        return layout.constrainedNames();
    }

    @Override
    public void constrain(double[] x, int xOff, double[] out, int outOff) {
        layout.constrain(x, xOff, out, outOff);
    }

    /**
     * The origin: {@code theta = b = 0} and {@code a = 1}. It is the centre of the normal
     * priors and close to the half-normal's median (0.67); every logit is 0 there, so each
     * response contributes a bounded, well-scaled gradient whatever the data, and no term is
     * near overflow.
     */
    @Override
    public void initialPoint(double[] out, int off) {
        java.util.Arrays.fill(out, off, off + dimension(), 0.0);
    }

    @Override
    public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
        int d = dimension();
        checkRange("position", x.length, xOff, d);
        checkRange("gradient", grad.length, gOff, d);
        return chainKernel.evaluate(x, xOff, grad, gOff);
    }

    @Override
    public void logDensityAndGradient(double[] positions, double[] gradients, double[] logDensities,
                                      int fromChain, int toChain) {
        if (fromChain < 0 || toChain < fromChain) {
            throw new IllegalArgumentException("bad chain range [" + fromChain + ", " + toChain + ")");
        }
        if (toChain == fromChain) {
            return;
        }
        int d = dimension();
        long end = (long) toChain * d;
        if (positions.length < end || gradients.length < end) {
            throw new IllegalArgumentException("chains up to " + toChain + " need arrays of " + end
                    + " values, got positions " + positions.length + " and gradients " + gradients.length);
        }
        if (logDensities.length < toChain) {
            throw new IllegalArgumentException("chains up to " + toChain + " need " + toChain
                    + " log densities, got " + logDensities.length);
        }
        if (blockKernel == null) {
            for (int c = fromChain; c < toChain; c++) {
                logDensities[c] = chainKernel.evaluate(positions, c * d, gradients, c * d);
            }
            return;
        }
        blockKernel.evaluate(positions, gradients, logDensities, fromChain, toChain);
    }

    /** The same density and ensemble kernel with its own scratch space; the response arrays are shared. */
    @Override
    public Irt2plModel copy() {
        return new Irt2plModel(data, paddedSigns, byResponse, ensembleKernel);
    }

    @Override
    public String name() {
        return "irt_2pl(" + data.students() + " students x " + data.items() + " items)";
    }

    private static void checkRange(String what, int length, int offset, int d) {
        if (offset < 0 || (long) offset + d > length) {
            throw new IllegalArgumentException(what + " offset " + offset + " with dimension " + d
                    + " does not fit an array of " + length);
        }
    }
}
