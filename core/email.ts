/** The one e-mail check of the project: debtors are matched on e-mail, so shop side and bookkeeping side agree. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isUsableEmail = (email: string): boolean => EMAIL_PATTERN.test(email);
