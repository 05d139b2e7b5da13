package vn.lienthong.edxml;

/**
 * Limits every parser made by {@link SecureXml} enforces.
 *
 * @param maxBytes             largest input, in bytes
 * @param maxElementDepth      deepest element nesting
 * @param maxEntityExpansions  entity expansions allowed (DOCTYPEs are refused, so only a second line of defence)
 */
public record XmlLimits(long maxBytes, int maxElementDepth, int maxEntityExpansions) {

    public static XmlLimits defaults() {
        return EdxmlProperties.defaults().xmlLimits();
    }
}
