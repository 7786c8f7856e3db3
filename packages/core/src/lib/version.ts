/**
 * The version of realist-kb that builds reports (kept equal to the packages' version by a test):
 * reports name it beside the content's hash, so two reports can be told apart.
 */
export const realistKbVersion = '0.1.0'
