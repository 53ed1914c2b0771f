package org.schoolgate.web;

/**
 * Marks a 409 that means another person acted on the same thing first (rather than "not possible in this
 * state"), so the problem's title says so.
 */
public interface ActedFirst {
}
