package dev.minisim.user;

import java.util.Map;

/**
 * Something the super app shows its user and waits on: an authorization sheet, the sign page, a
 * plugin page, a confirm or modal dialog.
 *
 * @param kind        the prompt kind, as in a scenario's "decisions" ({@code getAuthCode},
 *                    {@code signContract}, {@code plugin}, {@code confirm}, {@code modal}, ...)
 * @param api         the JSAPI that opened it
 * @param page        route of the page under it
 * @param source      file:line of the call that opened it
 * @param shown       what the user is shown (scopes, signStr, url, title, content)
 * @param coversPage  true when it is a full-screen page of the super app: the page under it then
 *                    gets onHide, and onShow when it closes (getAuthCode, signContract)
 */
public record Prompt(String kind, String api, String page, String source, Map<String, Object> shown,
                     boolean coversPage) {
}
