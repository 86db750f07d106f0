import { describe, expect, it } from 'vitest';
import { ALL_ERROR_CATEGORIES, ALL_ERROR_CODES, ErrorCode, errorCategoryOf, isErrorCode } from './error-codes.js';

describe('error codes', () => {
  it('are unique upper snake case strings', () => {
    expect(new Set(ALL_ERROR_CODES).size).toBe(ALL_ERROR_CODES.length);
    for (const code of ALL_ERROR_CODES) expect(code).toMatch(/^[A-Z][A-Z_]+$/);
  });

  it('recognises only known codes', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('STALE_EPOCH')).toBe(true);
    expect(isErrorCode('forbidden')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });

  it('gives every code a category, and categories are their own', () => {
    for (const code of ALL_ERROR_CODES) expect(ALL_ERROR_CATEGORIES).toContain(errorCategoryOf(code));
    for (const category of ALL_ERROR_CATEGORIES) expect(errorCategoryOf(category)).toBe(category);
    expect(errorCategoryOf(ErrorCode.StaleEpoch)).toBe('CONFLICT');
    expect(errorCategoryOf(ErrorCode.BudgetExhausted)).toBe('RATE_LIMITED');
  });
});
