package dev.minisim.runtime;

import org.graalvm.polyglot.Value;

/**
 * {@link JsWorld} over the bootstrap's internal object: the one place that knows the names of its
 * entry points and how their results come back.
 */
final class JsEntryPoints implements JsWorld {

    private final Value rt;

    JsEntryPoints(Value rt) {
        this.rt = rt;
    }

    private Value call(String function, Object... args) {
        return rt.invokeMember(function, args);
    }

    /**
     * Binds the run's host to a bootstrap that ran without it (setup.js); once per context, before
     * any mini-program code.
     */
    void bindHost(Object host, String exportedNamesJson) {
        call("bindHost", host, exportedNamesJson);
    }

    /** Seeds {@code Math.random}'s generator (random.js) with four 32-bit words. */
    void seedRandom(int a, int b, int c, int d) {
        call("seedRandom", a, b, c, d);
    }

    @Override
    public void require(String path) {
        call("require", path);
    }

    @Override
    public boolean isLoaded(String path) {
        return call("isLoaded", path).asBoolean();
    }

    @Override
    public boolean hasApp() {
        return call("hasApp").asBoolean();
    }

    @Override
    public boolean callAppHook(String hook, String argJson) {
        return call("callAppHook", hook, argJson).asBoolean();
    }

    @Override
    public String pageKind(String route) {
        return call("pageKind", route).asString();
    }

    @Override
    public void createPage(int pageId, String route, String queryJson) {
        call("createPage", pageId, route, queryJson);
    }

    @Override
    public boolean callHook(int pageId, String hook, String argJson) {
        return call("callHook", pageId, hook, argJson).asBoolean();
    }

    @Override
    public boolean callMethod(int pageId, String name, String argsJson) {
        return call("callMethod", pageId, name, argsJson).asBoolean();
    }

    @Override
    public String methodNames(int pageId) {
        return call("methodNames", pageId).asString();
    }

    @Override
    public String pageData(int pageId) {
        return call("pageData", pageId).asString();
    }

    @Override
    public void dropPage(int pageId) {
        call("dropPage", pageId);
    }

    @Override
    public String mountComponent(String id, int pageId, String path, String propsJson, boolean alipay) {
        return call("mountComponent", id, pageId, path, propsJson, alipay).asString();
    }

    @Override
    public String updateComponentProps(String id, String propsJson) {
        return call("updateComponentProps", id, propsJson).asString();
    }

    @Override
    public String componentData(String id) {
        return call("componentData", id).asString();
    }

    @Override
    public String componentExternalClasses(String id) {
        return call("componentExternalClasses", id).asString();
    }

    @Override
    public void componentLifetime(String id, String name) {
        call("componentLifetime", id, name);
    }

    @Override
    public void componentLifetimes(String idsJson, String name) {
        call("componentLifetimes", idsJson, name);
    }

    @Override
    public boolean syncRelations(int pageId, String treeJson) {
        return call("syncRelations", pageId, treeJson).asBoolean();
    }

    @Override
    public boolean componentVirtualHost(String path) {
        return call("componentVirtualHost", path).asBoolean();
    }

    @Override
    public void componentPageLifetime(int pageId, String name) {
        call("componentPageLifetime", pageId, name);
    }

    @Override
    public String callHandler(int pageId, String owner, String name, String eventJson, String argsJson) {
        return call("callHandler", pageId, owner, name, eventJson, argsJson).asString();
    }

    @Override
    public void modelSet(int pageId, String owner, String path, String valueJson) {
        call("modelSet", pageId, owner, path, valueJson);
    }

    @Override
    public void settle(int callId, boolean ok, String payloadJson) {
        call("settle", callId, ok, payloadJson);
    }

    @Override
    public void invokeApi(String ns, String api, String argsJson) {
        call("invokeApi", ns, api, argsJson);
    }

    @Override
    public void fireTimer(int id) {
        call("fireTimer", id);
    }

    @Override
    public boolean attachOpened(int callId, int pageId, String route, String openerRoute) {
        return call("attachOpened", callId, pageId, route, openerRoute).asBoolean();
    }

    @Override
    public boolean attachPlugin(int callId, int pageId, String route, String openerRoute) {
        return call("attachPlugin", callId, pageId, route, openerRoute).asBoolean();
    }

    @Override
    public void chainPlugin(String fromRoute, int eventsKey, int pageId, String route) {
        call("chainPlugin", fromRoute, eventsKey, pageId, route);
    }

    @Override
    public void pluginEmit(int pageId, String event) {
        call("pluginEmit", pageId, event);
    }

    @Override
    public void closeChannelOf(int pageId) {
        call("closeChannelOf", pageId);
    }

    @Override
    public void autoEvaluate(int id, String source, String argsJson) {
        call("autoEvaluate", id, source, argsJson);
    }

    @Override
    public void autoCallApi(int id, String method, boolean sync, String argsJson) {
        call("autoCallApi", id, method, sync, argsJson);
    }

    @Override
    public String autoMock(String method, boolean sync, String mode, String payload, String argsJson) {
        return call("autoMock", method, sync, mode, payload, argsJson).asString();
    }

    @Override
    public void autoAddBinding(String name) {
        call("autoAddBinding", name);
    }

    @Override
    public void autoCallMethod(int id, int pageId, String owner, String name, String argsJson) {
        call("autoCallMethod", id, pageId, owner, name, argsJson);
    }

    @Override
    public String autoSetData(int pageId, String owner, String dataJson) {
        return call("autoSetData", pageId, owner, dataJson).asString();
    }
}
