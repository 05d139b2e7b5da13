package vn.lienthong.document;

/** Which way a document travels: from the province's e-office out to the axis, or in from the axis. */
public enum Direction {
    OUTGOING, INCOMING
}
