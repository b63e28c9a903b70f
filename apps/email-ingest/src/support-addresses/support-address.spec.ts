import { baseAddressOf } from './support-address';

describe('baseAddressOf', () => {
  it('drops a plus tag and lower-cases', () => {
    expect(baseAddressOf('Support+T1042.abc@Helpgate.test')).toBe('support@helpgate.test');
  });

  it('keeps an address without a tag as it is', () => {
    expect(baseAddressOf('billing@helpgate.test')).toBe('billing@helpgate.test');
  });

  it('does not treat a leading plus as a tag', () => {
    expect(baseAddressOf('+odd@helpgate.test')).toBe('+odd@helpgate.test');
  });
});
