package dev.minisim.view;

/**
 * An event handler written on an element: WeChat's {@code bindtap}, {@code catch:tap},
 * {@code mut-bind:tap}, {@code capture-bind:tap}, {@code capture-catch:tap}; Alipay's
 * {@code onTap}, {@code catchTap}, {@code capture-onTap}, {@code capture-catchTap}.
 *
 * @param event   the event name as the platform raises it, lower-case first letter ({@code tap},
 *                {@code longpress}, {@code input}, {@code change}, a component's own event name)
 * @param capture true for the capture phase (root to target), false for bubbling (target to root)
 * @param stops   {@code catch}: the event goes no further after this handler
 * @param mutated {@code mut-bind}: only one mut-bind handler runs per event along the path
 * @param handler the handler's name (evaluated when written as {@code {{ }}}); for an Alipay
 *                component's {@code onXxx} prop this is the parent's method name
 * @param owner   the instance whose template wrote the binding, where the handler is looked up:
 *                {@link VElement#PAGE} or a component instance id
 */
public record Binding(String event, boolean capture, boolean stops, boolean mutated, String handler, String owner) {
}
