package org.schoolgate.posts;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an upload into a picture safe to publish: accepted by its content (never its name), refused
 * before decoding when it would blow up memory, turned upright, downscaled to web size and written
 * afresh from pixels only, so no EXIF, GPS, XMP, IPTC or comment survives.
 */
public final class ImageSanitizer {

    /** Limits; {@code longEdge} is the web size in pixels. */
    public record Limits(long maxBytes, long maxPixels, int longEdge, float jpegQuality) {
        public static Limits defaults() {
            return new Limits(15L * 1024 * 1024, 50_000_000L, 2048, 0.85f);
        }
    }

    public enum Format {
        JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp"), HEIC("image/heic");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** The clean picture: its bytes, type, size and fingerprint. */
    public record Sanitized(byte[] bytes, String mediaType, int width, int height, String sha256) {
    }

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private final Limits limits;

    public ImageSanitizer(Limits limits) {
        this.limits = limits;
    }

    public Sanitized sanitize(byte[] upload) throws ImageRejected {
        if (upload == null || upload.length == 0) {
            throw new ImageRejected("The file is empty.");
        }
        if (upload.length > limits.maxBytes()) {
            throw new ImageRejected("The picture is " + megabytes(upload.length) + " MB; pictures up to "
                    + megabytes(limits.maxBytes()) + " MB are accepted.");
        }
        Format format = sniff(upload);
        if (format == null) {
            throw new ImageRejected("This file is not a JPEG, PNG or WebP picture, whatever its name says.");
        }
        if (format == Format.HEIC) {
            throw new ImageRejected("HEIC photos (the iPhone's own format) cannot be read here. On the iPhone choose "
                    + "Settings › Camera › Formats › Most Compatible, or share the photo as JPEG, then upload it again.");
        }
        BufferedImage pixels = upright(decode(upload, format), orientation(upload, format));
        BufferedImage web = downscale(pixels, limits.longEdge());
        boolean keepPng = format == Format.PNG;
        byte[] clean = keepPng ? encodePng(web) : encodeJpeg(web);
        return new Sanitized(clean, keepPng ? Format.PNG.mediaType() : Format.JPEG.mediaType(), web.getWidth(),
                web.getHeight(), sha256(clean));
    }

    /** The format by magic bytes. */
    static Format sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Format.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Format.PNG;
        }
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return Format.WEBP;
        }
        if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp")) {
            String brand = ascii(b, 8, 4);
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return Format.HEIC;
            }
        }
        return null;
    }

    private BufferedImage decode(byte[] upload, Format format) throws ImageRejected {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
            if (!readers.hasNext()) {
                throw new ImageRejected(format + " pictures cannot be read on this server.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > limits.maxPixels()) {
                    throw new ImageRejected("The picture is " + w + " × " + h + " pixels; pictures up to "
                            + limits.maxPixels() / 1_000_000 + " megapixels are accepted.");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // decode big photos at a fraction of their size: memory stays small, quality stays above web size
                int step = Math.max(1, Math.max(w, h) / (limits.longEdge() * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageRejected("The picture is damaged or incomplete and cannot be read.");
        }
    }

    /** EXIF orientation (1–8), read before the metadata is thrown away so the picture stays upright. */
    private static int orientation(byte[] upload, Format format) {
        if (format == Format.PNG) {
            return 1;
        }
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception unreadable) {
            // no usable orientation: keep the pixels as they are
        }
        return 1;
    }

    static BufferedImage upright(BufferedImage img, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, rgbType(img));
        Graphics2D g = out.createGraphics();
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    /** Halves in steps while far above the target (sharp and smooth), then one bicubic step to size. */
    static BufferedImage downscale(BufferedImage img, int longEdge) {
        BufferedImage current = img;
        int w = img.getWidth();
        int h = img.getHeight();
        double scale = (double) longEdge / Math.max(w, h);
        if (scale >= 1) {
            return toRgbType(img);
        }
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return resize(current, targetW, targetH);
    }

    private static BufferedImage resize(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, rgbType(img));
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage toRgbType(BufferedImage img) {
        int type = rgbType(img);
        if (img.getType() == type) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    private static int rgbType(BufferedImage img) {
        return img.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    private byte[] encodeJpeg(BufferedImage img) throws ImageRejected {
        BufferedImage rgb = img;
        if (img.getColorModel().hasAlpha()) {
            rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.drawImage(img, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(limits.jpegQuality());
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new ImageRejected("The picture could not be prepared for the web.");
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] encodePng(BufferedImage img) throws ImageRejected {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new ImageRejected("The picture could not be prepared for the web.");
        }
        return bytes.toByteArray();
    }

    private static String ascii(byte[] b, int from, int len) {
        return new String(b, from, len, StandardCharsets.US_ASCII);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
