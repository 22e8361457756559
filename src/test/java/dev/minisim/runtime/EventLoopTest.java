package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue #2: "The clock is simulated in headless runs (timers fire in order, instantly) and real in the window." */
class EventLoopTest {

    @Test
    void theSimulatedClockJumpsFromTimerToTimerAndStopsAtTheTarget() {
        EventLoop loop = new EventLoop(true);
        List<String> seen = new ArrayList<>();
        loop.schedule(300, () -> seen.add("300@" + loop.now()));
        loop.schedule(100, () -> {
            seen.add("100@" + loop.now());
            loop.schedule(50, () -> seen.add("150@" + loop.now()));
        });
        loop.post(() -> seen.add("task@" + loop.now()));
        loop.advance(200);
        assertThat(seen).containsExactly("task@0", "100@100", "150@150");
        assertThat(loop.now()).isEqualTo(200);
        assertThat(loop.pendingTimers()).isEqualTo(1);
    }

    @Test
    void settleRunsOnlyWhatIsDueAndCancelledTimersNeverRun() {
        EventLoop loop = new EventLoop(true);
        List<String> seen = new ArrayList<>();
        long id = loop.schedule(0, () -> seen.add("cancelled"));
        loop.schedule(0, () -> seen.add("due"));
        loop.schedule(1, () -> seen.add("later"));
        loop.cancel(id);
        loop.settle();
        assertThat(seen).containsExactly("due");
    }

    @Test
    void theRealClockRunsTimersAndTasksFromOtherThreads() throws Exception {
        EventLoop loop = new EventLoop(false);
        CountDownLatch done = new CountDownLatch(2);
        Thread owner = new Thread(() -> {
            try {
                loop.runRealtime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        owner.start();
        loop.schedule(20, done::countDown);
        loop.post(done::countDown);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        loop.stop();
        owner.join(5000);
        assertThat(owner.isAlive()).isFalse();
    }

    // Issue #8 part 5: real-host requests run off the loop; a headless run waits for their answer
    @Test
    void aSimulatedSettleWaitsForOutstandingExternalWorkAndRunsWhatItHandsBack() throws Exception {
        EventLoop loop = new EventLoop(true);
        List<String> seen = new ArrayList<>();
        EventLoop.External work = loop.expectExternal();
        assertThat(loop.outstandingExternal()).isEqualTo(1);
        Thread other = new Thread(() -> work.complete(() -> seen.add("answer@" + loop.now())));
        other.start();
        loop.settle();
        other.join();
        assertThat(seen).containsExactly("answer@0");
        assertThat(loop.outstandingExternal()).isZero();
        work.complete(() -> seen.add("twice"));
        loop.settle();
        assertThat(seen).as("a handle completes once").containsExactly("answer@0");
    }

    @Test
    void stoppingTheLoopEndsTheWaitForExternalWork() throws Exception {
        EventLoop loop = new EventLoop(true);
        loop.expectExternal();
        Thread other = new Thread(loop::stop);
        other.start();
        loop.settle();
        other.join();
        assertThat(loop.stopped()).isTrue();
        assertThat(loop.outstandingExternal()).isEqualTo(1);
    }
}
