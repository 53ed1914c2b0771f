package org.schoolgate.report;

import java.util.Map;

/**
 * Bar charts as SVG, drawn on the server: no script, no style attributes (the CSP forbids both), only SVG
 * presentation attributes. Each chart has a title and a text alternative for screen readers.
 */
public final class SvgCharts {

    private static final int LABEL_WIDTH = 230;
    private static final int BAR_SPACE = 300;
    private static final int ROW = 26;

    private SvgCharts() {
    }

    public static String bars(String title, Map<String, Long> values) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        int height = ROW * Math.max(1, values.size()) + 10;
        int width = LABEL_WIDTH + BAR_SPACE + 60;
        StringBuilder alt = new StringBuilder(title).append(": ");
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\">");
        int y = 5;
        int i = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            long len = max == 0 ? 0 : Math.round((double) BAR_SPACE * e.getValue() / max);
            svg.append("<text x=\"0\" y=\"").append(y + 17).append("\" font-size=\"14\" fill=\"currentColor\">")
                    .append(escape(e.getKey())).append("</text>");
            svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(Math.max(len, 1)).append("\" height=\"16\" fill=\"#2f6db5\"/>");
            svg.append("<text x=\"").append(LABEL_WIDTH + len + 6).append("\" y=\"").append(y + 17)
                    .append("\" font-size=\"14\" fill=\"currentColor\">").append(e.getValue()).append("</text>");
            alt.append(i++ == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            y += ROW;
        }
        svg.insert(svg.indexOf(">") + 1, "<title>" + escape(alt.toString()) + "</title>");
        return svg.append("</svg>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
