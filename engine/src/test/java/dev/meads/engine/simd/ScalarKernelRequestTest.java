package dev.meads.engine.simd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link Kernels#callWithScalarKernels}: the scalar twins inside the call, on its thread only. */
class ScalarKernelRequestTest {

    @Test
    void insideTheCallEveryChooserGivesTheScalarTwin() {
        boolean vectorOutside = Kernels.vectorised();
        Kernels outside = Kernels.get();
        Object[] seen = Kernels.callWithScalarKernels(() -> new Object[] {Kernels.get(), NormalKernel.get(),
            ColumnRanks.create(4, 3), Kernels.vectorised()});
        assertInstanceOf(ScalarKernels.class, seen[0]);
        assertInstanceOf(ScalarNormalKernel.class, seen[1]);
        assertInstanceOf(ScalarColumnRanks.class, seen[2]);
        assertFalse((Boolean) seen[3]);
        // afterwards the JVM's choice is back, and it was never changed
        assertSame(outside, Kernels.get());
        assertTrue(Kernels.vectorised() == vectorOutside);
        assertTrue(vectorOutside == KernelProvider.vectorAvailable(), "outside any request the JVM's choice holds");
    }

    @Test
    void otherThreadsKeepTheJvmsChoice() throws Exception {
        Kernels jvmChoice = Kernels.get();
        AtomicReference<Kernels> onOtherThread = new AtomicReference<>();
        Kernels.callWithScalarKernels(() -> {
            Thread t = new Thread(() -> onOtherThread.set(Kernels.get()));
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertSame(jvmChoice, onOtherThread.get());
    }

    @Test
    void jvmKernelsCanBeAskedForInsideAScalarRequest() {
        Kernels jvmChoice = Kernels.get();
        Object[] seen = Kernels.callWithScalarKernels(() -> {
            Object[] inner = Kernels.callWithJvmKernels(() -> new Object[] {Kernels.get(), NormalKernel.get()});
            return new Object[] {inner[0], inner[1], Kernels.get()};
        });
        assertSame(jvmChoice, seen[0]);
        assertSame(NormalKernel.get(), seen[1]);
        assertInstanceOf(ScalarKernels.class, seen[2], "the scalar request holds again after the inner call");
    }
}
