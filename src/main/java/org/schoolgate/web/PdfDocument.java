package org.schoolgate.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small A4 writer on Apache PDFBox for Schoolgate's PDFs (evidence packs, the governors' report): headings,
 * wrapped paragraphs, label/value lines, monospace blocks, tables, bar charts, and attached files. It uses the
 * standard PDF fonts, which cover Latin-1 and the Windows-1252 punctuation; any other character is written as
 * {@code <U+XXXX>} so that nothing is silently lost (attach the exact text when it matters).
 */
public final class PdfDocument implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private final String footer;
    private PDPageContentStream out;
    private float y;
    private int pages;

    public PdfDocument(String title, String footer) {
        this.footer = footer;
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Schoolgate");
        info.setProducer("Schoolgate (Apache PDFBox)");
        newPage();
    }

    public PdfDocument title(String text) {
        return line(text, bold, 16, 22);
    }

    public PdfDocument heading(String text) {
        space(8);
        return line(text, bold, 12, 17);
    }

    public PdfDocument paragraph(String text) {
        for (String l : wrap(safe(text, regular), regular, 10, WIDTH)) {
            line(l, regular, 10, 13);
        }
        return this;
    }

    /** "Label: value" with the label in bold and the value wrapped beside it. */
    public PdfDocument field(String label, String value) {
        float labelWidth = 130;
        List<String> lines = wrap(safe(value == null ? "—" : value, regular), regular, 10, WIDTH - labelWidth);
        for (int i = 0; i < lines.size(); i++) {
            ensure(13);
            text(i == 0 ? safe(label, bold) : "", bold, 10, MARGIN, y);
            text(lines.get(i), regular, 10, MARGIN + labelWidth, y);
            y -= 13;
        }
        return this;
    }

    public PdfDocument monospace(String text) {
        for (String l : wrap(safe(text, mono), mono, 8, WIDTH)) {
            line(l, mono, 8, 10);
        }
        return this;
    }

    /** A table with a bold header row; columns share the width by the given weights. */
    public PdfDocument table(List<String> header, float[] weights, List<List<String>> rows) {
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = WIDTH * weights[i] / total;
        }
        row(header, widths, bold);
        for (List<String> r : rows) {
            row(r, widths, regular);
        }
        return this;
    }

    private void row(List<String> cells, float[] widths, PDFont font) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> w = wrap(safe(cells.get(i) == null ? "" : cells.get(i), font), font, 9, widths[i] - 4);
            wrapped.add(w);
            height = Math.max(height, w.size());
        }
        ensure(height * 12 + 2);
        for (int line = 0; line < height; line++) {
            float x = MARGIN;
            for (int i = 0; i < wrapped.size(); i++) {
                if (line < wrapped.get(i).size()) {
                    text(wrapped.get(i).get(line), font, 9, x, y);
                }
                x += widths[i];
            }
            y -= 12;
        }
        y -= 2;
    }

    /** A horizontal bar chart: one bar per label, lengths relative to the largest value. */
    public PdfDocument bars(Map<String, Long> values) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        float labelWidth = 150;
        float barSpace = WIDTH - labelWidth - 40;
        try {
            for (Map.Entry<String, Long> e : values.entrySet()) {
                ensure(16);
                text(safe(e.getKey(), regular), regular, 9, MARGIN, y);
                float len = max == 0 ? 0 : barSpace * e.getValue() / max;
                out.setNonStrokingColor(0.2f, 0.4f, 0.7f);
                out.addRect(MARGIN + labelWidth, y - 2, Math.max(len, 0.5f), 10);
                out.fill();
                out.setNonStrokingColor(0f, 0f, 0f);
                text(Long.toString(e.getValue()), regular, 9, MARGIN + labelWidth + len + 4, y);
                y -= 16;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    public PdfDocument space(float points) {
        y -= points;
        return this;
    }

    /** Attaches a file inside the PDF (e.g. the exact evidence JSON, so its hash can be checked from the pack). */
    public PdfDocument attach(String name, String description, String content) {
        try {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(bytes));
            file.setSubtype("application/json");
            file.setSize(bytes.length);
            file.setCreationDate(new GregorianCalendar(TimeZone.getTimeZone("UTC")));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(name);
            spec.setFileUnicode(name);
            spec.setFileDescription(description);
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(name, spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toBytes() {
        try {
            out.close();
            out = null;
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            doc.getDocumentInformation().setCreationDate(now);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfDocument line(String text, PDFont font, float size, float leading) {
        ensure(leading);
        text(safe(text, font), font, size, MARGIN, y);
        y -= leading;
        return this;
    }

    private void ensure(float height) {
        if (y - height < MARGIN + 20) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages++;
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
            text(safe(footer + " · page " + pages, regular), regular, 8, MARGIN, MARGIN - 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(String s, PDFont font, float size, float x, float atY) {
        if (s.isEmpty()) {
            return;
        }
        try {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, atY);
            out.showText(s);
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters the font cannot show become {@code <U+XXXX>}; line breaks and tabs become spaces. */
    static String safe(String s, PDFont font) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                b.append(' ');
                return;
            }
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append(String.format("<U+%04X>", cp));
            }
        });
        return b.toString();
    }

    private static List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(candidate, font, size) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            // a word longer than the line is cut
            String rest = word;
            while (width(rest, font, size) > width && rest.length() > 1) {
                int cut = Math.max(1, Math.min(rest.length() - 1,
                        (int) (rest.length() * width / width(rest, font, size)) + 1));
                while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        lines.add(current.toString());
        return lines;
    }

    private static float width(String s, PDFont font, float size) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return s.length() * size * 0.6f;
        }
    }
}
