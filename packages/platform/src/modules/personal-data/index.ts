export { maskBankCard, maskIdNumber, maskName, maskPhone } from './masking.js';
