package org.schoolgate.posts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Pictures made in the test, with the metadata a phone would add (EXIF orientation and GPS, XMP, a comment). */
public final class TestImages {

    public static final String XMP_SECRET = "Secret Photographer";
    public static final String COMMENT_SECRET = "Taken at 12 Home Street";

    private TestImages() {
    }

    /** A w×h picture, blue, with a red pixel at the top-left corner. */
    public static BufferedImage marked(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        img.setRGB(0, 0, Color.RED.getRGB());
        img.setRGB(1, 0, Color.RED.getRGB());
        img.setRGB(0, 1, Color.RED.getRGB());
        img.setRGB(1, 1, Color.RED.getRGB());
        return img;
    }

    public static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG as a phone writes it: EXIF with orientation and GPS (51°30'N), XMP with the author, a comment. */
    public static byte[] phoneJpeg(int w, int h, int orientation) {
        byte[] plain = encode(marked(w, h), "jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffWithGps(orientation)));
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
                + "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
                + "xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator>" + XMP_SECRET
                + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        segment(out, 0xFE, COMMENT_SECRET.getBytes(StandardCharsets.US_ASCII));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** Big-endian TIFF: IFD0 {Orientation, GPSInfo → GPS IFD {LatitudeRef N, Latitude 51/1 30/1 0/1}}. */
    static byte[] tiffWithGps(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(92);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 2);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        b.putInt(0);
        b.putShort((short) 2);
        b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        b.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        b.putInt(0);
        b.putInt(51).putInt(1).putInt(30).putInt(1).putInt(0).putInt(1);
        return b.array();
    }

    /** A PNG whose header claims 100,000 × 100,000 pixels: a decompression bomb if anyone decoded it. */
    public static byte[] pngBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A PNG with a text chunk naming its author. */
    public static byte[] pngWithText(int w, int h) {
        byte[] plain = encode(marked(w, h), "png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 33);
        chunk(out, "tEXt", ("Author\0" + XMP_SECRET).getBytes(StandardCharsets.ISO_8859_1));
        out.write(plain, 33, plain.length - 33);
        return out.toByteArray();
    }

    public static byte[] heic() {
        return concat(new byte[] {0, 0, 0, 24}, "ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.US_ASCII));
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        int len = payload.length + 2;
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(payload);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
