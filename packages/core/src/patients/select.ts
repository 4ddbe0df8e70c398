/** The columns of `patientRow` (./schemas). */
export const patientSelect = {
  id: true,
  firstName: true,
  lastName: true,
  phone: true,
  email: true,
  dateOfBirth: true,
  notes: true,
  createdAt: true,
} as const;
