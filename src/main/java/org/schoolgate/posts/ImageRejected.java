package org.schoolgate.posts;

/** An upload that is not a picture we can take, with the reason in words for the person who sent it. */
public class ImageRejected extends Exception {

    public ImageRejected(String reason) {
        super(reason);
    }
}
