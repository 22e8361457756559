package dev.minisim.auto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, reliability: "a method that throws answers an error and keeps the session ... never
 * silence, the SDK waits forever". The protocol answers every request, also one whose method
 * never completes its future (a runtime thread that is stuck, a task that was never run).
 */
class ProtocolTest {

    private static JsonNode answer(Protocol p, String message) throws Exception {
        return Protocol.JSON.readTree(p.answer(message).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aRequestWhoseFutureIsNeverCompletedAnswersTheBackstopError() throws Exception {
        Protocol p = new Protocol(Duration.ofMillis(200));
        CompletableFuture<Object> never = new CompletableFuture<>();
        p.add("Test.never", params -> never);
        JsonNode a = answer(p, "{\"id\":7,\"method\":\"Test.never\",\"params\":{}}");
        assertThat(a.path("id").asInt()).isEqualTo(7);
        assertThat(a.path("error").path("message").asText()).startsWith("Test.never: no answer within");
        assertThat(never).as("the method's own future is left alone").isNotDone();
    }

    @Test
    void aMethodThatAnswersInTimeIsNotTouchedByTheBackstop() throws Exception {
        Protocol p = new Protocol(Duration.ofSeconds(30));
        p.add("Test.now", params -> CompletableFuture.completedFuture(Map.of("v", 1)));
        JsonNode a = answer(p, "{\"id\":\"x\",\"method\":\"Test.now\"}");
        assertThat(a.path("result").path("v").asInt()).isEqualTo(1);
        assertThat(a.has("error")).isFalse();
    }

    @Test
    void aMethodReturningNoFutureAnswersAnError() throws Exception {
        Protocol p = new Protocol(Duration.ofSeconds(30));
        p.add("Test.null", params -> null);
        JsonNode a = answer(p, "{\"id\":1,\"method\":\"Test.null\"}");
        assertThat(a.path("error").path("message").asText()).startsWith("Test.null:");
    }
}
