package org.schoolgate.demo;

/**
 * Fired once the demo school and its staff exist, in the seeding transaction; features observe it
 * to add their own demo data (pupils, channels, posts, comments).
 */
public record DemoSchoolSeeded(long schoolId) {
}
