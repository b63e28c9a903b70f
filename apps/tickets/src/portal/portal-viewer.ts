/** Who is looking at the portal: the contact (with the contacts merged into it), its addresses, its organizations. */
export interface PortalViewer {
  /** The contact and those merged into it: their tickets are the contact's. */
  contactIds: string[];
  /** Every address the contact is known by: a ticket copying one of them is one the contact takes part in. */
  addresses: string[];
  /** The organizations whose tickets the contact sees as one of their primary contacts (from the token). */
  primaryOf: string[];
}
