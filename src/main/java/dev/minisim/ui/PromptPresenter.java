package dev.minisim.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.minisim.events.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Draws a prompt over the phone as the clients do: getAuthCode as a bottom sheet listing every
 * scope with a check box, signContract as the authorization page with its URL and query, a plugin
 * page with its parameters and a button per event it can finish with, dialogs in the middle.
 * Each button answers the prompt through the person's decision source; a prompt answered by a
 * scenario or a policy is drawn with its buttons disabled.
 */
public final class PromptPresenter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @FXML
    private VBox sheet;
    @FXML
    private Label badge;
    @FXML
    private Label heading;
    @FXML
    private Button closeButton;
    @FXML
    private Label subtitle;
    @FXML
    private VBox body;
    @FXML
    private FlowPane actions;

    private SimulatorModel.Card card;

    /** An alert dialog (my.alert); {@code ok} closes it. */
    public static Node alert(Event e, Runnable ok) {
        FXMLLoader loader = new FXMLLoader(PromptPresenter.class.getResource("/fxml/prompt.fxml"));
        PromptPresenter p = new PromptPresenter();
        loader.setController(p);
        try {
            loader.load();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        p.sheet.getStyleClass().add("sheet-dialog");
        p.sheet.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane.setAlignment(p.sheet, Pos.CENTER);
        p.badge.setText("提示");
        p.heading.setText(e.str("title") == null ? "提示" : e.str("title"));
        p.subtitle.setText(e.str("content"));
        p.closeButton.setVisible(false);
        Button b = new Button("确定");
        b.setMnemonicParsing(false);
        b.getStyleClass().add("primary");
        b.setId("alert-ok");
        b.setOnAction(ev -> ok.run());
        p.actions.getChildren().add(b);
        return p.sheet;
    }

    /** The node for {@code card}, aligned where the client puts it. */
    public static Node present(SimulatorModel.Card card) {
        FXMLLoader loader = new FXMLLoader(PromptPresenter.class.getResource("/fxml/prompt.fxml"));
        PromptPresenter p = new PromptPresenter();
        loader.setController(p);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.card = card;
        p.fill();
        return p.sheet;
    }

    private Event e() {
        return card.event();
    }

    private void answer(JsonNode value) {
        if (card.pending() != null) {
            card.pending().answer(value);
        }
    }

    private Button button(String text, String style, JsonNode value) {
        Button b = new Button(text);
        b.setMnemonicParsing(false);
        b.getStyleClass().add(style);
        b.setOnAction(ev -> answer(value));
        // a prompt answered by the scenario or a policy is drawn as it is, but cannot be clicked
        b.setMouseTransparent(card.pending() == null);
        b.setUserData(value.isTextual() ? value.asText() : value.toString());
        return b;
    }

    private static JsonNode text(String s) {
        return NODES.textNode(s);
    }

    private void fill() {
        boolean interactive = card.pending() != null;
        closeButton.setMouseTransparent(!interactive);
        // sheets and dialogs take their own height; pages fill the screen (set below)
        sheet.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        String kind = card.kind();
        boolean wx = "wx".equals(String.valueOf(e().get("ns"))) || List.of("authorize", "getUserProfile", "modal").contains(kind);
        switch (kind) {
            case "getAuthCode" -> authSheet();
            case "signContract" -> signPage();
            case "plugin" -> pluginPage();
            case "authorize", "getUserProfile" -> wxAuthSheet(kind);
            case "actionSheet" -> actionSheet();
            default -> dialog(kind);
        }
        if (wx) {
            badge.getStyleClass().add("badge-wx");
        }
        if (!interactive) {
            Label hint = new Label("answered by the scenario or a policy: see the decision in the transcript");
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            body.getChildren().add(hint);
        }
    }

    private void authSheet() {
        StackPane.setAlignment(sheet, Pos.BOTTOM_CENTER);
        badge.setText("授权");
        heading.setText(e().str("wallet") + " 申请获取以下权限");
        subtitle.setText("The mini-program asks for these scopes (my.getAuthCode). Untick a scope to allow only some.");
        closeButton.setOnAction(ev -> answer(text("cancel")));
        List<CheckBox> boxes = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, String> descriptions = (Map<String, String>) e().get("descriptions");
        for (Object s : (List<?>) e().get("scopes")) {
            CheckBox box = new CheckBox(s.toString());
            box.setMnemonicParsing(false);
            box.setSelected(true);
            box.getStyleClass().add("scope-check");
            box.setMouseTransparent(card.pending() == null);
            box.setId("scope-" + s);
            boxes.add(box);
            body.getChildren().add(box);
            if (descriptions != null && descriptions.get(s.toString()) != null) {
                Label d = new Label(descriptions.get(s.toString()));
                d.getStyleClass().add("scope-desc");
                d.setWrapText(true);
                body.getChildren().add(d);
            }
        }
        if (e().get("silentScopes") != null) {
            Label silent = new Label("granted silently: " + String.join(", ", strings(e().get("silentScopes"))));
            silent.getStyleClass().add("hint");
            body.getChildren().add(silent);
        }
        Button allow = button("允许 Allow", "primary", text("allow"));
        allow.setId("allow");
        allow.setOnAction(ev -> {
            List<String> chosen = boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
            if (chosen.size() == boxes.size()) {
                answer(text("allow"));
            } else if (chosen.isEmpty()) {
                answer(text("deny"));
            } else {
                ArrayNode list = NODES.arrayNode();
                chosen.forEach(list::add);
                answer(NODES.objectNode().set("allow", list));
            }
        });
        Button deny = button("拒绝 Refuse", "secondary", text("deny"));
        deny.setId("deny");
        actions.getChildren().addAll(deny, allow);
        if (e().get("errorCodes") != null) {
            FlowPane errors = new FlowPane(6, 6);
            errors.setAlignment(Pos.CENTER_LEFT);
            Label l = new Label("wallet error:");
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add("hint");
            errors.getChildren().add(l);
            for (String code : strings(e().get("errorCodes"))) {
                Button b = button(code, "danger", text(code));
                b.setId("error-" + code);
                errors.getChildren().add(b);
            }
            body.getChildren().add(errors);
        }
    }

    private void signPage() {
        sheet.getStyleClass().add("sheet-page");
        sheet.setMaxHeight(Double.MAX_VALUE);
        badge.setText("签约");
        heading.setText("代扣服务授权 Agreement authorization");
        subtitle.setText("my.signContract opened the authorization page of the merchant's sign string.");
        closeButton.setOnAction(ev -> answer(text("6001")));
        Label url = new Label(String.valueOf(e().get("url")));
        url.setWrapText(true);
        url.getStyleClass().addAll("kv-value", "url-box");
        url.setMaxWidth(Double.MAX_VALUE);
        body.getChildren().add(url);
        Object q = e().get("query");
        if (q instanceof Map<?, ?> query) {
            query.forEach((k, v) -> body.getChildren().add(kv(k.toString(), String.valueOf(v))));
        }
        Button sign = button("同意并授权 Sign", "primary", text("allow"));
        sign.setId("sign");
        actions.getChildren().add(sign);
        for (String[] c : List.of(new String[] {"6001", "6001 cancel"}, new String[] {"6002", "6002 network"},
                new String[] {"7001", "7001 unknown"}, new String[] {"7002", "7002 failed"})) {
            Button b = button(c[1], "danger", text(c[0]));
            b.setId("sign-" + c[0]);
            actions.getChildren().add(b);
        }
    }

    private void pluginPage() {
        sheet.getStyleClass().add("sheet-page");
        sheet.setMaxHeight(Double.MAX_VALUE);
        badge.setText("插件");
        badge.getStyleClass().add("badge-plugin");
        heading.setText(e().str("title"));
        subtitle.setText(e().str("plugin") + " · " + e().str("pluginPage") + " — finish the page as the user would");
        closeButton.setOnAction(ev -> answer(text("back")));
        body.getChildren().add(kv("ticket", e().str("ticket")));
        body.getChildren().add(kv("env", e().str("env") + ("cn".equals(e().str("env")) ? " (test)" : " (production)")));
        if (e().get("pluginType") != null) {
            body.getChildren().add(kv("type", e().str("pluginType")));
        }
        Label url = new Label(e().str("url"));
        url.setWrapText(true);
        url.getStyleClass().addAll("kv-value", "url-box");
        body.getChildren().add(url);
        for (String a : strings(e().get("answers"))) {
            Button b = button(a.equals("back") ? "← back" : a, a.equals("back") ? "secondary"
                    : a.equals("authFailCb") ? "danger" : "primary", text(a));
            b.setId("plugin-" + a);
            actions.getChildren().add(b);
        }
    }

    private void wxAuthSheet(String kind) {
        StackPane.setAlignment(sheet, Pos.BOTTOM_CENTER);
        badge.setText("微信");
        heading.setText(kind.equals("authorize") ? "申请使用 " + e().str("scope") : "获取你的昵称、头像");
        subtitle.setText(kind.equals("authorize") ? "wx.authorize asks once for this permission."
                : "wx.getUserProfile: " + e().str("desc"));
        closeButton.setOnAction(ev -> answer(text("deny")));
        Button allow = button("允许", "primary", text("allow"));
        allow.getStyleClass().add("primary-wx");
        allow.setId("allow");
        Button deny = button("拒绝", "secondary", text("deny"));
        deny.setId("deny");
        actions.getChildren().addAll(deny, allow);
    }

    private void actionSheet() {
        StackPane.setAlignment(sheet, Pos.BOTTOM_CENTER);
        badge.setText("菜单");
        heading.setText("Action sheet");
        subtitle.setText("Choose an item");
        closeButton.setOnAction(ev -> answer(text("cancel")));
        List<String> items = strings(e().get("items"));
        for (int i = 0; i < items.size(); i++) {
            Button b = button(items.get(i), "secondary", NODES.numberNode(i));
            b.setMaxWidth(Double.MAX_VALUE);
            body.getChildren().add(b);
        }
        actions.getChildren().add(button("取消 Cancel", "secondary", text("cancel")));
    }

    private void dialog(String kind) {
        sheet.getStyleClass().add("sheet-dialog");
        StackPane.setAlignment(sheet, Pos.CENTER);
        badge.setText(kind.equals("modal") ? "模态" : "确认");
        heading.setText(e().str("title") == null ? (kind.equals("modal") ? "提示" : "确认") : e().str("title"));
        subtitle.setText(e().str("content"));
        closeButton.setVisible(false);
        Button cancel = button("取消", "secondary", text("cancel"));
        cancel.setId("cancel");
        Button ok = button("确定", "primary", text("confirm"));
        ok.setId("confirm");
        actions.getChildren().addAll(cancel, ok);
    }

    private static HBox kv(String key, String value) {
        Label k = new Label(key);
        k.setMnemonicParsing(false);
        k.getStyleClass().add("kv-key");
        Label v = new Label(value);
        v.setMnemonicParsing(false);
        v.getStyleClass().add("kv-value");
        v.setWrapText(true);
        HBox row = new HBox(8, k, v);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    static JsonNode parseAnswer(String text) {
        String t = text.trim();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return JSON.readTree(t);
            } catch (IOException e) {
                return NODES.textNode(t);
            }
        }
        return NODES.textNode(t);
    }
}
