from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lms.h5p.services import h5p_package_import
from lms.h5p.validation import H5PPackageError


class Command(BaseCommand):
    help = "Valida e importa paquetes .h5p; termina con error si alguno fue rechazado."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")

    def handle(self, *args, files, **options):
        rejected = 0
        for path in files:
            try:
                with open(path, "rb") as upload:
                    activity, created = h5p_package_import(upload=upload)
            except OSError as exc:
                rejected += 1
                self.stderr.write(_("%(file)s: no se pudo leer (%(error)s).") % {"file": path, "error": exc.strerror})
                continue
            except H5PPackageError as exc:
                rejected += 1
                self.stderr.write(_("%(file)s: rechazado. %(reason)s") % {"file": path, "reason": exc.reason})
                continue
            message = (
                _("%(file)s: importado como «%(title)s».")
                if created
                else _("%(file)s: ya estaba importado como «%(title)s»; se reutiliza.")
            )
            self.stdout.write(message % {"file": path, "title": activity.title})
        if rejected:
            raise CommandError(_("%(count)s paquete(s) rechazado(s).") % {"count": rejected})
