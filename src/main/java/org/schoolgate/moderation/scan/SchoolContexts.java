package org.schoolgate.moderation.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.schoolgate.moderation.ClassificationContext;
import org.schoolgate.staff.School;

/**
 * The classifier's knowledge of one school, built once per scan: the full names of pupils on roll
 * (and their preferred first name with the surname) and of active staff, and the school's public contact details.
 */
@ApplicationScoped
public class SchoolContexts {

    @Inject
    EntityManager em;

    @Transactional
    public ClassificationContext forSchool(long schoolId) {
        List<String> pupils = new ArrayList<>();
        for (Object[] row : em.createQuery("select p.firstName, p.preferredName, p.surname from Pupil p"
                + " where p.schoolId = :school and p.offRoll = false", Object[].class)
                .setParameter("school", schoolId).getResultList()) {
            pupils.add(row[0] + " " + row[2]);
            if (row[1] != null && !row[1].toString().isBlank() && !row[1].equals(row[0])) {
                pupils.add(row[1] + " " + row[2]);
            }
        }
        List<String> staff = em.createQuery("select u.displayName from StaffUser u join u.schools s"
                        + " where s.id = :school and u.active = true", String.class)
                .setParameter("school", schoolId).getResultList();
        School school = em.find(School.class, schoolId);
        return ClassificationContext.of(pupils, staff, school.publicContactLines());
    }
}
