// Lists Content-Security-Policy violations on the page (used by the tests).
const out = () => document.getElementById('csp-violations');
document.addEventListener('securitypolicyviolation', (e) => {
  const line = `${e.violatedDirective} ${e.blockedURI || '(inline)'}`;
  window.cspViolations = [...(window.cspViolations || []), line];
  if (out()) out().textContent += line + '\n';
});
