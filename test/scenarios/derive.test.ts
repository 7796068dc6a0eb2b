import { describe, expect, it } from 'vitest';
import { parseOperationVariable } from '../../src/runner/config/sandbox-config.js';
import { BodyDerivationError, deriveBody, encodeBody } from '../../src/scenarios/derive.js';
import { resolveRequest } from '../../src/scenarios/resolve.js';
import type { VendorCredentials } from '../../src/scenarios/types.js';

const example = { title: 'Case', amount: 120, open: true, patient: { birthDate: '1980-04-03' }, tags: ['a'] };

describe('a provoking body derived from the valid example', () => {
  it('leaves out the named field, and says which', () => {
    expect(deriveBody(example, { omit: ['patient.birthDate'] }, 'cases')).toEqual({
      body: { ...example, patient: {} },
      fields: ['patient.birthDate'],
    });
  });

  it('puts a value into a field, creating nothing else', () => {
    const { body, fields } = deriveBody(example, { set: { amount: '1.20' } }, 'cases');
    expect(body).toEqual({ ...example, amount: '1.20' });
    expect(fields).toEqual(['amount']);
  });

  it('changes one value to another of its type, in arrays too', () => {
    expect(deriveBody(example, { change: 'amount' }, 'cases').body).toEqual({ ...example, amount: 121 });
    expect(deriveBody(example, { change: 'open' }, 'cases').body).toEqual({ ...example, open: false });
    expect(deriveBody(example, { change: 'tags.0' }, 'cases').body).toEqual({
      ...example,
      tags: ['a-changed'],
    });
  });

  it('makes a string one character longer than the length given', () => {
    const { body } = deriveBody(example, { overLength: { field: 'title', length: '5' } }, 'cases');
    expect((body as { title: string }).title).toHaveLength(6);
  });

  it('refuses to leave out or change a field the example does not have, naming the operation', () => {
    expect(() => deriveBody(example, { omit: ['clientName'] }, 'cases')).toThrow(BodyDerivationError);
    expect(() => deriveBody(example, { omit: ['clientName'] }, 'cases')).toThrow(/operations\.cases/);
    expect(() => deriveBody(example, { change: 'patient' }, 'cases')).toThrow(/no string, number or boolean/);
  });

  it('leaves the example itself untouched', () => {
    const before = structuredClone(example);
    deriveBody(example, { omit: ['title'], set: { 'patient.birthDate': 'x' } }, 'cases');
    expect(example).toEqual(before);
  });
});

describe('a body sent in the operation’s media type', () => {
  it('sends a form body with a file part as multipart, and JSON as JSON', () => {
    const form = encodeBody(
      { kind: 'letter', file: { filename: 'a.txt', content: 'hello' } },
      'multipart/form-data',
    );
    expect('raw' in form && form.raw.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect('raw' in form && form.raw.text).toContain('name="file"; filename="a.txt"');
    expect('raw' in form && form.raw.text).toContain('\r\n\r\nhello\r\n');
    expect(encodeBody({ a: 1 }, undefined)).toEqual({ json: { a: 1 } });
    expect(encodeBody('%PDF-1.7', 'application/pdf')).toEqual({
      raw: { contentType: 'application/pdf', text: '%PDF-1.7' },
    });
  });
});

describe('resolving a derived request', () => {
  const binding: VendorCredentials = {
    vendorId: 'casexchange',
    roles: {},
    facts: { caseId: '4211', referredFirmId: '31', requiredField: 'title' },
    numericFacts: ['caseId'],
    operations: {
      cases: { method: 'PUT', path: '/case-files', body: { title: 'T', caseId: '{{facts.caseId}}' } },
    },
  };

  it('takes the method, path and example from the configured operation, numbers as numbers', () => {
    expect(resolveRequest(binding, { operation: 'cases', body: {} })).toEqual({
      method: 'PUT',
      path: '/case-files',
      json: { title: 'T', caseId: 4211 },
    });
  });

  it('removes the field a fact names and records it for the field-level detail', () => {
    expect(
      resolveRequest(binding, { operation: 'cases', body: { omit: ['{{facts.requiredField}}'] } }),
    ).toMatchObject({ json: { caseId: 4211 }, fields: ['title'] });
  });
});

describe('an operation given in its environment variable', () => {
  it('reads a path, METHOD /path, or a JSON object of members', () => {
    expect(parseOperationVariable('/cases', 'V')).toEqual({ path: '/cases' });
    expect(parseOperationVariable('{{operations.cases}}/{id}', 'V')).toEqual({
      path: '{{operations.cases}}/{id}',
    });
    expect(parseOperationVariable('PATCH /cases/{id}', 'V')).toEqual({
      method: 'PATCH',
      path: '/cases/{id}',
    });
    expect(parseOperationVariable('{"body":{"a":1},"idPointer":"/data/id"}', 'V')).toEqual({
      body: { a: 1 },
      idPointer: '/data/id',
    });
  });

  it('names the variable when the JSON is broken or holds an unknown member', () => {
    expect(() => parseOperationVariable('{"body":', 'ERROR_CONTRACTS_X_OPERATION_Y')).toThrow(
      /ERROR_CONTRACTS_X_OPERATION_Y/,
    );
    expect(() => parseOperationVariable('{"bdy":{}}', 'V')).toThrow(/Did you mean "body"/);
    expect(() => parseOperationVariable('FETCH /x', 'V')).toThrow(/FETCH is not one of/);
  });
});
