package dev.minisim.app;

/**
 * Where the automation protocol ({@code minisim auto}, package {@code dev.minisim.auto}) hears
 * from the mini-program's world: the answers of the requests it made through the {@code auto*}
 * entry points of {@link dev.minisim.runtime.JsWorld}, and the calls of the functions it exposed.
 * Called on the runtime thread.
 */
public interface Automation {

    /** Nobody automates this run. */
    Automation NONE = new Automation() {
        @Override
        public void answered(int id, boolean ok, String text) {
        }

        @Override
        public void bindingCalled(String name, String argsJson) {
        }
    };

    /** Request {@code id} is done: ok with its result as JSON, or not with the error's message. */
    void answered(int id, boolean ok, String text);

    /** The app called exposed function {@code name} with the arguments in the JSON array {@code argsJson}. */
    void bindingCalled(String name, String argsJson);
}
