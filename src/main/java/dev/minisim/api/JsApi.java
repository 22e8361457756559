package dev.minisim.api;

/** An asynchronous JSAPI (success/fail/complete, Promise): finishes the call now or later. */
@FunctionalInterface
public interface JsApi {
    void invoke(ApiCall call);
}
