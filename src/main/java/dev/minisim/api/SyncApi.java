package dev.minisim.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A synchronous JSAPI ({@code getStorageSync}, {@code canIUse}): returns a JSON-able value. */
@FunctionalInterface
public interface SyncApi {

    /** @param args the positional arguments, as a JSON array */
    Object call(String ns, JsonNode args) throws ApiException;

    /** A synchronous API's failure: thrown to the script as an Error with this message. */
    final class ApiException extends Exception {
        public ApiException(String message) {
            super(message);
        }
    }
}
