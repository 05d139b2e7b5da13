package vn.lienthong.edxml;

/** The two kinds of edXML file: told apart by a StatusCode in the MessageHeader. */
enum EdxmlKind { DOCUMENT, STATUS }
