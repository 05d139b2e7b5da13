package vn.lienthong.edxml;

/** A message read together with the sender's tree, for a file the gateway may sign and send on. */
public record SourcedEdxml(EdxmlMessage message, EdxmlSource source) {
}
