package org.schoolgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() {
        List<CsvReader.Row> rows = CsvReader.parse("a,b,c\n\"Smith, Jr\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,y,z\n", ',');
        assertEquals(List.of("Smith, Jr", "say \"hi\"", "two\nlines"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(4, rows.get(2).line(), "the row after a two-line field starts on file line 4");
    }

    @Test
    void crlfAndLoneCrEndLines() {
        List<CsvReader.Row> rows = CsvReader.parse("a,b\r\n1,2\r3,4\r\n", ',');
        assertEquals(3, rows.size());
        assertEquals(List.of("3", "4"), rows.get(2).fields());
        assertEquals(3, rows.get(2).line());
    }

    @Test
    void aLastLineWithoutLineEndIsRead() {
        assertEquals(List.of("1", ""), CsvReader.parse("a,b\n1,", ',').get(1).fields());
    }

    @Test
    void anUnterminatedQuoteNamesTheLineItStartsOn() {
        CsvReader.Unreadable e = assertThrows(CsvReader.Unreadable.class,
                () -> CsvReader.parse("a,b\n1,2\n3,\"never ends\n4,5\n", ','));
        assertEquals(3, e.line);
    }

    @Test
    void separatorIsFoundFromTheHeader() {
        assertEquals(';', CsvReader.separatorOf("Adno;Forename;Surname\n1;a;b"));
        assertEquals('\t', CsvReader.separatorOf("Adno\tForename\tSurname"));
        assertEquals(',', CsvReader.separatorOf("Adno,Forename,Surname"));
    }

    @Test
    void utf8WithBomLosesTheBom() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Adno,Forename\n1,Zoë".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        CsvReader.Decoded d = CsvReader.decode(all);
        assertEquals("UTF-8 with BOM", d.encoding());
        assertEquals("Adno,Forename\n1,Zoë", d.text());
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252() {
        CsvReader.Decoded d = CsvReader.decode("1,Siobhán,O’Brien,Zoë".getBytes(Charset.forName("windows-1252")));
        assertEquals("Windows-1252", d.encoding());
        assertEquals("1,Siobhán,O’Brien,Zoë", d.text());
    }

    @Test
    void plainUtf8IsUtf8() {
        assertEquals("UTF-8", CsvReader.decode("1,Zoë".getBytes(StandardCharsets.UTF_8)).encoding());
    }
}
