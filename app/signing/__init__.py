"""PKI, XML and PDF signatures, the control number. Pure: keys and bytes in, bytes out."""
