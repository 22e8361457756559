package dev.minisim.paint;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a {@code <picker>} (mode {@code selector}, {@code multiSelector}, {@code time}, {@code date} or
 * {@code region}) shows in the sheet the client slides up: its columns (labels as the client
 * writes them, and the value each row stands for) and the rows selected, as JSON for page.js,
 * which draws the sheet and sends back the value the client's {@code change} carries
 * ({@code i} for selector, {@code [i, j]} for multiSelector, {@code "HH:mm"} for time, {@code "YYYY-MM-DD"} (or
 * {@code YYYY-MM}, {@code YYYY} as {@code fields} says) for date, {@code [province, city,
 * district]} for region).
 *
 * <p>region: MiniSim ships no administrative-division table, so the sheet offers the provinces
 * and, in the city and district columns, the value the page gave (and {@code custom-item});
 * a scenario {@code change} may give any three names.
 */
final class PickerColumns {

    /** China's provincial divisions, in the order the WeChat client lists them. */
    static final List<String> PROVINCES = List.of("北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省",
            "黑龙江省", "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省",
            "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
            "宁夏回族自治区", "新疆维吾尔自治区", "台湾省", "香港特别行政区", "澳门特别行政区");

    private PickerColumns() {
    }

    /**
     * The sheet of a picker, as JSON: {@code {"mode", "cols": [{"l": [labels], "v": [values]}],
     * "sel": [rows], "start", "end"}}; empty for a picker without data.
     *
     * @param mode    the picker's mode as written
     * @param range   its {@code range} (multiSelector: a list of lists)
     * @param key     its {@code range-key}
     * @param value   its value as the user left it (else as rendered)
     * @param fields  a date picker's {@code fields} (day, month, year)
     * @param start   its {@code start}
     * @param end     its {@code end}
     * @param custom  a region picker's {@code custom-item}
     */
    static String json(String mode, Object range, String key, Object value, String fields, String start, String end,
                       String custom) {
        List<List<String>> labels = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        List<Integer> sel = new ArrayList<>();
        switch (mode) {
            case "", "selector" -> {
                if (!(range instanceof List<?> items)) {
                    return "";
                }
                List<String> col = new ArrayList<>();
                for (Object item : items) {
                    col.add(label(item instanceof Map<?, ?> m && !key.isEmpty() ? m.get(key) : item));
                }
                labels.add(col);
                values.add(indices(col.size()));
                sel.add(clamp(number(value), col.size()));
            }
            case "multiSelector" -> {
                if (!(range instanceof List<?> cols)) {
                    return "";
                }
                List<?> at = value instanceof List<?> l ? l : List.of();
                for (int c = 0; c < cols.size(); c++) {
                    List<String> col = new ArrayList<>();
                    if (cols.get(c) instanceof List<?> items) {
                        for (Object item : items) {
                            col.add(label(item instanceof Map<?, ?> m && !key.isEmpty() ? m.get(key) : item));
                        }
                    }
                    labels.add(col);
                    values.add(indices(col.size()));
                    sel.add(clamp(c < at.size() ? number(at.get(c)) : 0, col.size()));
                }
            }
            case "time" -> {
                String[] hm = text(value).split(":");
                labels.add(numbers(0, 23, ""));
                labels.add(numbers(0, 59, ""));
                values.addAll(labels);
                sel.add(clamp(hm.length > 0 ? parse(hm[0]) : 0, 24));
                sel.add(clamp(hm.length > 1 ? parse(hm[1]) : 0, 60));
            }
            case "date" -> {
                int first = year(start, 1900);
                int last = Math.max(first, year(end, 2100));
                String[] ymd = text(value).split("-");
                int y = ymd.length > 0 && !ymd[0].isBlank() ? parse(ymd[0]) : java.time.Year.now().getValue();
                int m = ymd.length > 1 ? parse(ymd[1]) : 1;
                int d = ymd.length > 2 ? parse(ymd[2]) : 1;
                int n = fields.equals("year") ? 1 : fields.equals("month") ? 2 : 3;
                labels.add(numbers(first, last, "年"));
                values.add(numbers(first, last, ""));
                sel.add(clamp(y - first, last - first + 1));
                if (n > 1) {
                    labels.add(numbers(1, 12, "月"));
                    values.add(numbers(1, 12, ""));
                    sel.add(clamp(m - 1, 12));
                }
                if (n > 2) {
                    int year = first + sel.get(0);
                    int days = YearMonth.of(year, sel.get(1) + 1).lengthOfMonth();
                    labels.add(numbers(1, days, "日"));
                    values.add(numbers(1, days, ""));
                    sel.add(clamp(d - 1, days));
                }
            }
            case "region" -> {
                List<?> at = value instanceof List<?> l ? l : List.of();
                List<String> provinces = new ArrayList<>();
                if (!custom.isEmpty()) {
                    provinces.add(custom);
                }
                provinces.addAll(PROVINCES);
                String p = at.size() > 0 ? text(at.get(0)) : "";
                if (!p.isEmpty() && !provinces.contains(p)) {
                    provinces.add(p);
                }
                labels.add(provinces);
                sel.add(p.isEmpty() ? 0 : provinces.indexOf(p));
                for (int c = 1; c < 3; c++) {
                    List<String> col = new ArrayList<>();
                    if (!custom.isEmpty()) {
                        col.add(custom);
                    }
                    String v = at.size() > c ? text(at.get(c)) : "";
                    if (!v.isEmpty() && !col.contains(v)) {
                        col.add(v);
                    }
                    labels.add(col);
                    sel.add(v.isEmpty() ? 0 : col.indexOf(v));
                }
                values.addAll(labels);
            }
            default -> {
                return "";
            }
        }
        StringBuilder sb = new StringBuilder("{\"mode\":").append(str(mode.isEmpty() ? "selector" : mode)).append(",\"cols\":[");
        for (int c = 0; c < labels.size(); c++) {
            sb.append(c == 0 ? "" : ",").append("{\"l\":").append(list(labels.get(c))).append(",\"v\":")
                    .append(list(values.get(c))).append('}');
        }
        sb.append("],\"sel\":").append(sel).append(",\"start\":").append(str(start)).append(",\"end\":").append(str(end))
                .append('}');
        return sb.toString();
    }

    private static List<String> indices(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf(i));
        }
        return out;
    }

    private static List<String> numbers(int from, int to, String suffix) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add((i < 10 ? "0" + i : String.valueOf(i)) + suffix);
        }
        return out;
    }

    private static int year(String date, int fallback) {
        String y = date == null ? "" : date.split("-")[0].trim();
        return y.isEmpty() ? fallback : parse(y, fallback);
    }

    private static int clamp(int i, int n) {
        return n <= 0 ? 0 : Math.max(0, Math.min(n - 1, i));
    }

    private static int number(Object v) {
        return v instanceof Number n ? n.intValue() : parse(text(v));
    }

    private static int parse(String s) {
        return parse(s, 0);
    }

    private static int parse(String s, int fallback) {
        try {
            return (int) Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v);
    }

    private static String label(Object v) {
        return text(v);
    }

    private static String list(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(str(items.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A JSON string (the attribute escaping is the caller's). */
    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : (s == null ? "" : s).toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
