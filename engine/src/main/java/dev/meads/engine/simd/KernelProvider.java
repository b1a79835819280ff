package dev.meads.engine.simd;

/**
 * Chooses the kernel implementation once: the Vector API one when the
 * {@code jdk.incubator.vector} module is present and not disabled by
 * {@code -Dmeads.vector=false}, otherwise the scalar one.
 */
final class KernelProvider {
    static final Kernels INSTANCE = choose();
    static final NormalKernel NORMAL = chooseNormal();

    private KernelProvider() {
    }

    /** True when the Vector API module is loaded in this JVM and not disabled. */
    static boolean vectorAvailable() {
        if ("false".equalsIgnoreCase(System.getProperty("meads.vector"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static Kernels choose() {
        if (vectorAvailable()) {
            try {
                return new PanamaKernels();
            } catch (LinkageError e) {
                // fall through to scalar loops
            }
        }
        return new ScalarKernels();
    }

    private static NormalKernel chooseNormal() {
        if (vectorAvailable()) {
            try {
                return new PanamaNormalKernel();
            } catch (LinkageError e) {
                // fall through to scalar loops
            }
        }
        return new ScalarNormalKernel();
    }
}
