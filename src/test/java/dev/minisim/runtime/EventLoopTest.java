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
}
