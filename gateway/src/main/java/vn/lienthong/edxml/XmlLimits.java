package vn.lienthong.edxml;

/**
 * Limits every parser made by {@link SecureXml} enforces.
 *
 * @param maxBytes             largest input, in bytes
 * @param maxElementDepth      deepest element nesting
 * @param maxEntityExpansions  entity expansions allowed (DOCTYPEs are refused, so only a second line of defence)
 * @param maxAttributes        most attributes plus namespace declarations on one element
 */
public record XmlLimits(long maxBytes, int maxElementDepth, int maxEntityExpansions, int maxAttributes) {

    public static XmlLimits defaults() {
        return EdxmlProperties.defaults().xmlLimits();
    }
}
