package org.schoolgate.consent;

import java.time.LocalDate;

/** What a file row says about one purpose, compared with the current version to decide whether anything changed. */
public record ConsentTerms(ConsentState state, GivenBy givenBy, String givenByName, LocalDate dateGiven,
                           ConsentMethod method, String evidenceRef, NameAllowance nameAllowance, LocalDate expiresOn) {

    static ConsentTerms of(ConsentRecord r) {
        return new ConsentTerms(r.state, r.givenBy, r.givenByName, r.dateGiven, r.method, r.evidenceRef,
                r.nameAllowance, r.expiresOn);
    }

    String words() {
        StringBuilder b = new StringBuilder(state == ConsentState.GRANTED ? "given" : "refused");
        if (state == ConsentState.GRANTED) {
            b.append(", ").append(nameAllowance.words());
            if (expiresOn != null) {
                b.append(", last day ").append(Dates.words(expiresOn));
            }
        }
        if (dateGiven != null) {
            b.append(", dated ").append(Dates.words(dateGiven));
        }
        return b.toString();
    }
}
