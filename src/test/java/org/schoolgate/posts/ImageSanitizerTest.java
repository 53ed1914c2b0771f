package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageSanitizerTest {

    private final ImageSanitizer sanitizer = new ImageSanitizer(ImageSanitizer.Limits.defaults());

    private static Metadata metadata(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    }

    /** Directories that could carry anything about the photo, its place or its people. */
    private static List<String> revealing(Metadata m) {
        List<String> found = new ArrayList<>();
        for (Directory d : m.getDirectories()) {
            String name = d.getName();
            if (!name.startsWith("JPEG") && !name.equals("JFIF") && !name.startsWith("PNG-IHDR") && !name.equals("File Type")
                    && !name.equals("Huffman") && !name.startsWith("PNG-") || name.equals("PNG-tEXt")) {
                found.add(name);
            }
        }
        return found;
    }

    @Test
    void aPhonePhotoLosesGpsExifXmpAndComments() throws Exception {
        byte[] upload = TestImages.phoneJpeg(64, 32, 1);
        Metadata before = metadata(upload);
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)).as("the fixture really has GPS").isNotNull();
        assertThat(revealing(before)).as("and the check sees it").contains("GPS", "Exif IFD0", "XMP");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains(TestImages.XMP_SECRET, TestImages.COMMENT_SECRET);

        ImageSanitizer.Sanitized clean = sanitizer.sanitize(upload);

        assertThat(clean.mediaType()).isEqualTo("image/jpeg");
        Metadata after = metadata(clean.bytes());
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(revealing(after)).isEmpty();
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1))
                .doesNotContain(TestImages.XMP_SECRET).doesNotContain(TestImages.COMMENT_SECRET).doesNotContain("Exif");
    }

    @Test
    void aSidewaysPhoneShotIsTurnedUpright() throws Exception {
        ImageSanitizer.Sanitized clean = sanitizer.sanitize(TestImages.phoneJpeg(64, 32, 6));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
        assertThat(img.getWidth()).isEqualTo(32);
        assertThat(img.getHeight()).isEqualTo(64);
        assertThat(isReddish(img.getRGB(31, 0))).as("top-left marker now top-right").isTrue();
    }

    @Test
    void uprightHandlesEveryOrientation() {
        BufferedImage img = TestImages.marked(40, 20);
        int[][] expectedMarker = {{0, 0}, {0, 0}, {39, 0}, {39, 19}, {0, 19}, {0, 0}, {19, 0}, {19, 39}, {0, 39}};
        for (int o = 1; o <= 8; o++) {
            BufferedImage up = ImageSanitizer.upright(img, o);
            int[] at = expectedMarker[o];
            assertThat(up.getRGB(at[0], at[1])).as("orientation " + o).isEqualTo(Color.RED.getRGB());
            assertThat(up.getWidth()).isEqualTo(o >= 5 ? 20 : 40);
        }
    }

    @Test
    void bigPhotosAreDownscaledToWebSize() throws Exception {
        byte[] upload = TestImages.encode(TestImages.marked(3000, 1500), "jpeg");
        ImageSanitizer.Sanitized clean = sanitizer.sanitize(upload);
        assertThat(clean.width()).isEqualTo(2048);
        assertThat(clean.height()).isEqualTo(1024);
        assertThat(clean.sha256()).hasSize(64);
    }

    @Test
    void pngsStayPngAndLoseTheirTextChunks() throws Exception {
        byte[] upload = TestImages.pngWithText(50, 40);
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains(TestImages.XMP_SECRET);
        ImageSanitizer.Sanitized clean = sanitizer.sanitize(upload);
        assertThat(clean.mediaType()).isEqualTo("image/png");
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain(TestImages.XMP_SECRET);
        assertThat(revealing(metadata(clean.bytes()))).isEmpty();
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> sanitizer.sanitize(TestImages.pngBomb()))
                .isInstanceOf(ImageRejected.class).hasMessageContaining("100000 × 100000 pixels");
    }

    @Test
    void somethingThatIsNotAPictureIsRefusedWhateverItsName() {
        assertThatThrownBy(() -> sanitizer.sanitize("<?php system($_GET['c']); ?>".getBytes()))
                .isInstanceOf(ImageRejected.class).hasMessageContaining("not a JPEG, PNG or WebP");
        assertThatThrownBy(() -> sanitizer.sanitize(new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void aTruncatedPictureIsRefused() {
        byte[] whole = TestImages.encode(TestImages.marked(200, 200), "jpeg");
        byte[] half = java.util.Arrays.copyOf(whole, 40);
        assertThatThrownBy(() -> sanitizer.sanitize(half)).isInstanceOf(ImageRejected.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void tooLargeFilesAreRefusedWithTheLimitInWords() {
        ImageSanitizer small = new ImageSanitizer(new ImageSanitizer.Limits(1024, 50_000_000, 2048, 0.85f));
        assertThatThrownBy(() -> small.sanitize(TestImages.encode(TestImages.marked(600, 600), "png")))
                .hasMessageContaining("MB are accepted");
    }

    @Test
    void heicIsExplainedRatherThanMisread() {
        assertThatThrownBy(() -> sanitizer.sanitize(TestImages.heic())).hasMessageContaining("Most Compatible");
    }

    private static boolean isReddish(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 150 && c.getBlue() < 120;
    }
}
