# Converts ODT files to tagged PDF in LibreOffice, with every index (the
# table of contents) updated first, so the contents carry page numbers.
# Run by strategiekit with a Python that has LibreOffice's `uno` module:
#   python3 convert.py SOFFICE PROFILE_DIR IN.odt OUT.pdf [IN OUT ...]
# Exit codes: 0 done; 3 no `uno` module; 4 LibreOffice failed (message on stderr).
import os
import subprocess
import sys
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except ImportError:
    sys.exit(3)


def fail(message):
    sys.stderr.write(message + "\n")
    sys.exit(4)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(soffice, profile):
    pipe = "strategiekit_%d" % os.getpid()
    office = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return office, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if office.poll() is not None:
                fail("LibreOffice (%s) ended with exit code %d before it could be reached" % (soffice, office.returncode))
            if time.time() > deadline:
                office.kill()
                fail("LibreOffice (%s) could not be reached within 90 seconds" % soffice)
            time.sleep(0.1)


def convert(desktop, source, target):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0,
                                       (prop("Hidden", True),))
    if doc is None:
        fail("LibreOffice could not open %s" % source)
    try:
        # twice: the first pass fills in the page numbers, the second those
        # moved by the contents' own growth
        for _ in range(2):
            doc.refresh()
            indexes = doc.getDocumentIndexes()
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
        data = uno.Any("[]com.sun.star.beans.PropertyValue", (
            prop("UseTaggedPDF", True),
            prop("PDFUACompliance", True),
            prop("ExportBookmarks", True),
            prop("ExportNotes", False),
        ))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)),
                       (prop("FilterName", "writer_pdf_Export"), prop("FilterData", data)))
    finally:
        doc.close(True)


def main():
    soffice, profile, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    office, desktop = connect(soffice, profile)
    try:
        for source, target in zip(files[::2], files[1::2]):
            convert(desktop, source, target)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


main()
