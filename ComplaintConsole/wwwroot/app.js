// Small helpers the console calls through JS interop.
window.complaintConsole = {
    copy: (text) => navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.resolve(),
};
